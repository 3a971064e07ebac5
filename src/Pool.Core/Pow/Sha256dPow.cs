using Pool.Core.Hashing;
using Pool.Core.Targets;

namespace Pool.Core.Pow;

/// <summary>Bitcoin's proof of work: SHA-256d of the header.</summary>
public sealed class Sha256dPow : PowAlgorithm
{
    /// <summary>The shared instance.</summary>
    public static Sha256dPow Instance { get; } = new();

    public override string Name => "sha256d";

    public override DifficultyOne DifficultyOne => DifficultyOne.Sha256d;

    public override void HashHeader(ReadOnlySpan<byte> header, Span<byte> digest) => Sha256d.Hash(header, digest);
}
