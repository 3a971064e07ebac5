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

    public override void HashHeader(ReadOnlySpan<byte> header, Span<byte> digest)
    {
        RequireHeader(header, digest);
        Sha256d.Hash(header[..HeaderSize], digest);
    }

    /// <summary>Hashes <c>headers.Length / 80</c> headers across the CPU's widest SIMD lanes.</summary>
    public override void HashHeaders(ReadOnlySpan<byte> headers, Span<byte> digests)
    {
        var count = headers.Length / HeaderSize;
        if (headers.Length % HeaderSize != 0 || digests.Length < count * Sha256d.DigestSize)
        {
            throw new ArgumentException("headers must be a whole number of 80-byte headers with room for 32 bytes of digest each");
        }

        Sha256d.HashHeaders(headers, digests[..(count * Sha256d.DigestSize)]);
    }
}
