using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Security.Cryptography;
using Pool.Core.Hashing.Salsa;

namespace Pool.Core.Hashing;

/// <summary>Batches of r = 1, p = 1 scrypt computations (Litecoin headers) spread across SIMD lanes.</summary>
public static partial class Scrypt
{
    private const int BlockBytes = 128;

    // Two groups of lanes in flight hide the latency of each Salsa step (measured faster than one group on AVX2 and AVX-512).
    private const int InterleavedGroups = 2;

    // Diagonal position i of a Salsa block holds word DiagonalOrder[i].
    private static ReadOnlySpan<byte> DiagonalOrder => [0, 5, 10, 15, 12, 1, 6, 11, 8, 13, 2, 7, 4, 9, 14, 3];

    /// <summary>Every scrypt implementation this CPU runs, slowest first.</summary>
    public static IReadOnlyList<ScryptImplementation> Available { get; } = FindAvailable();

    /// <summary>True when this CPU can run <paramref name="implementation"/>.</summary>
    public static bool IsSupported(ScryptImplementation implementation) => implementation switch
    {
        ScryptImplementation.Scalar => true,
        ScryptImplementation.Avx2 => Avx2.IsSupported,
        ScryptImplementation.Avx512 => Avx512F.IsSupported,
        _ => false,
    };

    /// <summary>
    /// scrypt(N = <paramref name="n"/>, r = 1, p = 1) of <c>digests.Length / 32</c> messages of <paramref name="messageLength"/>
    /// bytes laid end to end, each its own password and salt (as Litecoin hashes headers); 32 bytes of digest each.
    /// </summary>
    public static void HashMany(ReadOnlySpan<byte> messages, int messageLength, int n, Span<byte> digests) =>
        HashMany(digests.Length > Sha256d.DigestSize ? Available[^1] : ScryptImplementation.Scalar, messages, messageLength, n, digests);

    /// <summary>As <see cref="HashMany(ReadOnlySpan{byte}, int, int, Span{byte})"/> on a chosen implementation (for tests and benchmarks).</summary>
    public static void HashMany(ScryptImplementation implementation, ReadOnlySpan<byte> messages, int messageLength, int n, Span<byte> digests)
    {
        ValidateCost(n, 1, 1);
        var count = digests.Length / Sha256d.DigestSize;
        if (messageLength < 0 || digests.Length % Sha256d.DigestSize != 0 || (long)count * messageLength != messages.Length)
        {
            throw new ArgumentException(
                $"{messages.Length} message bytes and {digests.Length} digest bytes do not make whole {messageLength}-byte messages with 32 bytes of digest each",
                nameof(messages));
        }

        if (!IsSupported(implementation))
        {
            throw new PlatformNotSupportedException($"this CPU cannot run the {implementation} scrypt implementation; available: {string.Join(", ", Available)}");
        }

        switch (implementation)
        {
            case ScryptImplementation.Avx512:
                HashLanes<Avx512SalsaLanes, Vector512<uint>>(messages, messageLength, n, digests, InterleavedGroups);
                break;
            case ScryptImplementation.Avx2:
                HashLanes<Avx2SalsaLanes, Vector256<uint>>(messages, messageLength, n, digests, InterleavedGroups);
                break;
            default:
                for (var i = 0; i < count; i++)
                {
                    var message = messages.Slice(i * messageLength, messageLength);
                    Hash(message, message, n, digests.Slice(i * Sha256d.DigestSize, Sha256d.DigestSize));
                }

                break;
        }
    }

    // Computations run in lanes of a vector and, with two groups, in two interleaved sets of vectors.
    [SkipLocalsInit]
    private static void HashLanes<TOps, TVec>(ReadOnlySpan<byte> messages, int length, int n, Span<byte> digests, int groups)
        where TOps : struct, ISalsaLanes<TVec>
        where TVec : unmanaged
    {
        var lanes = TOps.Hashes;
        var width = lanes * groups;
        var row = 4 * lanes;
        var groupWords = ScryptLanes<TOps, TVec>.StateWords;
        var count = digests.Length / Sha256d.DigestSize;
        Span<uint> state = stackalloc uint[groupWords * groups];
        Span<byte> blocks = stackalloc byte[BlockBytes * width];
        var table = Scratch(n * groupWords * groups);
        var order = DiagonalOrder;
        for (var start = 0; start < count; start += width)
        {
            var used = Math.Min(width, count - start);
            for (var h = 0; h < width; h++)
            {
                // Lanes past the end of the batch repeat the first message and are discarded.
                var message = messages.Slice((start + (h < used ? h : 0)) * length, length);
                var block = blocks.Slice(h * BlockBytes, BlockBytes);
                Rfc2898DeriveBytes.Pbkdf2(message, message, block, 1, HashAlgorithmName.SHA256);
                var lane = state.Slice((h / lanes) * groupWords, groupWords);
                for (var i = 0; i < 32; i++)
                {
                    var word = ((i >> 4) * 16) + order[i & 15];
                    lane[((i >> 2) * row) + ((h % lanes) * 4) + (i & 3)] = BinaryPrimitives.ReadUInt32LittleEndian(block[(word * 4)..]);
                }
            }

            if (groups == 2)
            {
                ScryptLanes<TOps, TVec>.RoMixInterleaved(state, n, table);
            }
            else
            {
                ScryptLanes<TOps, TVec>.RoMix(state, n, table);
            }

            for (var h = 0; h < used; h++)
            {
                var message = messages.Slice((start + h) * length, length);
                var block = blocks.Slice(h * BlockBytes, BlockBytes);
                var lane = state.Slice((h / lanes) * groupWords, groupWords);
                for (var i = 0; i < 32; i++)
                {
                    var word = ((i >> 4) * 16) + order[i & 15];
                    BinaryPrimitives.WriteUInt32LittleEndian(block[(word * 4)..], lane[((i >> 2) * row) + ((h % lanes) * 4) + (i & 3)]);
                }

                Rfc2898DeriveBytes.Pbkdf2(message, block, digests.Slice((start + h) * Sha256d.DigestSize, Sha256d.DigestSize), 1, HashAlgorithmName.SHA256);
            }
        }
    }

    private static ScryptImplementation[] FindAvailable() =>
        [.. Enum.GetValues<ScryptImplementation>().Where(IsSupported)];
}
