using Pool.Core.Hashing;
using Pool.Core.Targets;

namespace Pool.Core.Pow;

/// <summary>Litecoin's proof of work: scrypt(N=1024, r=1, p=1) with the header as both password and salt.</summary>
public sealed class ScryptPow : PowAlgorithm
{
    /// <summary>The shared instance.</summary>
    public static ScryptPow Instance { get; } = new();

    public override string Name => "scrypt";

    public override DifficultyOne DifficultyOne => DifficultyOne.Scrypt;

    public override void HashHeader(ReadOnlySpan<byte> header, Span<byte> digest)
    {
        RequireHeader(header, digest);
        Scrypt.Hash(header[..HeaderSize], header[..HeaderSize], Scrypt.LitecoinN, digest[..32]);
    }

    /// <summary>Hashes <c>headers.Length / 80</c> headers, several at a time in SIMD lanes.</summary>
    public override void HashHeaders(ReadOnlySpan<byte> headers, Span<byte> digests)
    {
        var count = headers.Length / HeaderSize;
        if (headers.Length % HeaderSize != 0 || digests.Length < count * 32)
        {
            throw new ArgumentException("headers must be a whole number of 80-byte headers with room for 32 bytes of digest each");
        }

        Scrypt.HashMany(headers, HeaderSize, Scrypt.LitecoinN, digests[..(count * 32)]);
    }
}
