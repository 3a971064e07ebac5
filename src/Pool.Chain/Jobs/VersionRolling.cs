namespace Pool.Chain.Jobs;

/// <summary>
/// BIP310 version rolling. A miner may change only the header version bits inside the negotiated mask; the version it
/// submits is the final header version and is what <see cref="MiningJob.BuildHeader"/> and block assembly take.
/// </summary>
public static class VersionRolling
{
    /// <summary>The mask pools and ASICs use by default (bits 13 to 28).</summary>
    public const uint DefaultMask = 0x1fffe000;

    /// <summary>True when <paramref name="version"/> differs from the job's version only inside <paramref name="mask"/>.</summary>
    public static bool IsAllowed(uint jobVersion, uint version, uint mask) => ((jobVersion ^ version) & ~mask) == 0;

    /// <summary>The job's version with its <paramref name="mask"/> bits replaced by those of <paramref name="rolledBits"/>.</summary>
    public static uint Apply(uint jobVersion, uint rolledBits, uint mask) => (jobVersion & ~mask) | (rolledBits & mask);
}
