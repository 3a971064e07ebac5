using Pool.Chain.Jobs;
using Pool.Core.Targets;

namespace Pool.Stratum.Shares;

/// <summary>What a share claims: the job, both extranonces, ntime, nonce and the rolled version, and the target it must meet.</summary>
/// <param name="Job">The job the share was found on.</param>
/// <param name="Extranonce1">The connection's extranonce1 when the job was sent.</param>
/// <param name="Extranonce2">extranonce2 packed big-endian into the low <paramref name="Extranonce2Size"/> bytes.</param>
/// <param name="Extranonce2Size">Bytes of extranonce2.</param>
/// <param name="Time">ntime.</param>
/// <param name="Nonce">nonce.</param>
/// <param name="Version">Header version after version rolling.</param>
/// <param name="ShareTarget">Target of the difficulty in force when the job was sent.</param>
public readonly record struct ShareWork(
    MiningJob Job,
    byte[] Extranonce1,
    ulong Extranonce2,
    int Extranonce2Size,
    uint Time,
    uint Nonce,
    uint Version,
    Target256 ShareTarget)
{
    /// <summary>Writes extranonce2 bytes as the miner sent them.</summary>
    public void WriteExtranonce2(Span<byte> destination)
    {
        for (var i = 0; i < Extranonce2Size; i++)
        {
            destination[i] = (byte)(Extranonce2 >> (8 * (Extranonce2Size - 1 - i)));
        }
    }

    /// <summary>Packs extranonce2 bytes into a number.</summary>
    public static ulong PackExtranonce2(ReadOnlySpan<byte> bytes)
    {
        ulong value = 0;
        foreach (var b in bytes)
        {
            value = (value << 8) | b;
        }

        return value;
    }
}
