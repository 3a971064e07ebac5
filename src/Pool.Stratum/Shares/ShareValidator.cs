using System.Buffers;
using System.Buffers.Binary;
using Pool.Core.Hashing;
using Pool.Core.Pow;

namespace Pool.Stratum.Shares;

/// <summary>
/// Checks shares without any I/O: rebuilds each header from the job, hashes a batch through the coin's proof of work
/// (which spreads it across SIMD lanes where it can) and compares each hash with its share and network targets.
/// </summary>
public sealed class ShareValidator(PowAlgorithm pow)
{
    private readonly double _difficultyOne = ToDouble(pow.DifficultyOne.Target);

    /// <summary>The proof of work in use.</summary>
    public PowAlgorithm Pow { get; } = pow;

    /// <summary>Validates <paramref name="shares"/> into <paramref name="results"/> (same order).</summary>
    public void Validate(ReadOnlySpan<ShareWork> shares, Span<ShareCheck> results)
    {
        if (results.Length < shares.Length)
        {
            throw new ArgumentException("results needs room for every share", nameof(results));
        }

        var headers = ArrayPool<byte>.Shared.Rent(shares.Length * PowAlgorithm.HeaderSize);
        var digests = ArrayPool<byte>.Shared.Rent(shares.Length * 32);
        try
        {
            Span<byte> extranonce2 = stackalloc byte[8];
            for (var i = 0; i < shares.Length; i++)
            {
                var share = shares[i];
                share.WriteExtranonce2(extranonce2);
                share.Job.BuildHeader(share.Extranonce1, extranonce2[..share.Extranonce2Size], share.Time, share.Nonce, share.Version,
                    headers.AsSpan(i * PowAlgorithm.HeaderSize, PowAlgorithm.HeaderSize));
            }

            var headerSpan = headers.AsSpan(0, shares.Length * PowAlgorithm.HeaderSize);
            var digestSpan = digests.AsSpan(0, shares.Length * 32);
            Pow.HashHeaders(headerSpan, digestSpan);
            for (var i = 0; i < shares.Length; i++)
            {
                var digest = digestSpan.Slice(i * 32, 32);
                var blockHash = default(Hash32);
                if (Pow is Sha256dPow)
                {
                    digest.CopyTo(blockHash);
                }
                else
                {
                    Sha256d.Hash(headerSpan.Slice(i * PowAlgorithm.HeaderSize, PowAlgorithm.HeaderSize), blockHash);
                }

                var hashValue = ToDouble(digest);
                results[i] = new ShareCheck(
                    shares[i].ShareTarget.IsMetBy(digest),
                    shares[i].Job.NetworkTarget.IsMetBy(digest),
                    hashValue == 0 ? double.PositiveInfinity : _difficultyOne / hashValue,
                    blockHash);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(headers);
            ArrayPool<byte>.Shared.Return(digests);
        }
    }

    private static double ToDouble(Core.Targets.Target256 target)
    {
        Span<byte> bytes = stackalloc byte[32];
        target.WriteLittleEndian(bytes);
        return ToDouble(bytes);
    }

    // A 256-bit little-endian number as a double, limb by limb from the most significant; precise to double's 53 bits.
    private static double ToDouble(ReadOnlySpan<byte> littleEndian)
    {
        double value = 0;
        for (var limb = 3; limb >= 0; limb--)
        {
            value = (value * 18446744073709551616.0) + BinaryPrimitives.ReadUInt64LittleEndian(littleEndian[(limb * 8)..]);
        }

        return value;
    }
}
