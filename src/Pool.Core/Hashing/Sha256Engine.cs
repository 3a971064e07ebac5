using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;
using Pool.Core.Hashing.Lanes;

namespace Pool.Core.Hashing;

/// <summary>Which SHA-256 implementations this CPU runs, and SHA-256d on a chosen one (for tests and benchmarks; callers normally use <see cref="Sha256d"/>).</summary>
public static class Sha256Engine
{
    /// <summary>Every implementation this CPU supports, slowest first.</summary>
    public static IReadOnlyList<Sha256Implementation> Available { get; } = FindAvailable();

    /// <summary>The implementation batches run on: the widest available.</summary>
    public static Sha256Implementation Best { get; } = Available[^1];

    /// <summary>True when this CPU can run <paramref name="implementation"/>.</summary>
    public static bool IsSupported(Sha256Implementation implementation) => implementation switch
    {
        Sha256Implementation.Scalar => true,
        Sha256Implementation.Avx2 => Avx2.IsSupported && Vector256.IsHardwareAccelerated,
        Sha256Implementation.Avx512 => Avx512F.IsSupported,
        Sha256Implementation.Arm64Sha => Sha256.IsSupported,
        _ => false,
    };

    /// <summary>How many messages <paramref name="implementation"/> hashes side by side; batches of a multiple of this waste no lanes.</summary>
    public static int LaneCount(Sha256Implementation implementation) => implementation switch
    {
        Sha256Implementation.Avx2 => Avx2Lanes.Width,
        Sha256Implementation.Avx512 => Avx512Lanes.Width,
        _ => 1,
    };

    /// <summary>
    /// SHA-256d of <c>digests.Length / 32</c> messages of <paramref name="messageLength"/> bytes each, laid end to end in
    /// <paramref name="messages"/>; digest i goes to bytes 32i..32i+31 of <paramref name="digests"/>.
    /// </summary>
    public static void HashMany(Sha256Implementation implementation, ReadOnlySpan<byte> messages, int messageLength, Span<byte> digests)
    {
        var count = digests.Length / Sha256d.DigestSize;
        if (messageLength < 0 || digests.Length % Sha256d.DigestSize != 0 || (long)count * messageLength != messages.Length)
        {
            throw new ArgumentException(
                $"{messages.Length} message bytes and {digests.Length} digest bytes do not make whole {messageLength}-byte messages with 32 bytes of digest each",
                nameof(messages));
        }

        switch (Require(implementation))
        {
            case Sha256Implementation.Avx512:
                Sha256dDriver<Avx512Lanes, Vector512<uint>>.HashMany(messages, messageLength, digests);
                break;
            case Sha256Implementation.Avx2:
                Sha256dDriver<Avx2Lanes, Vector256<uint>>.HashMany(messages, messageLength, digests);
                break;
            case Sha256Implementation.Arm64Sha:
                Sha256dDriver<Arm64ShaLanes, uint>.HashMany(messages, messageLength, digests);
                break;
            default:
                Sha256dDriver<ScalarLanes, uint>.HashMany(messages, messageLength, digests);
                break;
        }
    }

    /// <summary>SHA-256d of each header made of <paramref name="midstate"/>'s prefix and one 16-byte tail from <paramref name="tails"/>; 32 bytes per tail.</summary>
    public static void HashTails(Sha256Implementation implementation, in Sha256dMidstate midstate, ReadOnlySpan<byte> tails, Span<byte> digests)
    {
        var count = tails.Length / Sha256dMidstate.TailSize;
        if (tails.Length % Sha256dMidstate.TailSize != 0 || digests.Length < count * Sha256d.DigestSize)
        {
            throw new ArgumentException(
                $"tails must be whole {Sha256dMidstate.TailSize}-byte tails ({tails.Length} bytes given) with 32 bytes of digest each ({digests.Length} given)",
                nameof(tails));
        }

        Span<uint> words = stackalloc uint[8];
        midstate.CopyWordsTo(words);
        var output = digests[..(count * Sha256d.DigestSize)];
        switch (Require(implementation))
        {
            case Sha256Implementation.Avx512:
                Sha256dDriver<Avx512Lanes, Vector512<uint>>.HashTails(words, tails, output);
                break;
            case Sha256Implementation.Avx2:
                Sha256dDriver<Avx2Lanes, Vector256<uint>>.HashTails(words, tails, output);
                break;
            case Sha256Implementation.Arm64Sha:
                Sha256dDriver<Arm64ShaLanes, uint>.HashTails(words, tails, output);
                break;
            default:
                Sha256dDriver<ScalarLanes, uint>.HashTails(words, tails, output);
                break;
        }
    }

    /// <summary>
    /// The implementation that hashes a batch of <paramref name="count"/> messages fastest. An implementation with L lanes
    /// costs about the same for any batch up to L, and each doubling of width roughly doubles the full-batch rate, so
    /// wider lanes win once about three eighths of them are used.
    /// </summary>
    internal static Sha256Implementation ForBatch(int count)
    {
        if (count * 8 >= LaneCount(Best) * 3)
        {
            return Best;
        }

        if (count * 8 >= Avx2Lanes.Width * 3 && IsSupported(Sha256Implementation.Avx2))
        {
            return Sha256Implementation.Avx2;
        }

        return IsSupported(Sha256Implementation.Arm64Sha) ? Sha256Implementation.Arm64Sha : Sha256Implementation.Scalar;
    }

    private static Sha256Implementation Require(Sha256Implementation implementation) => IsSupported(implementation)
        ? implementation
        : throw new PlatformNotSupportedException($"this CPU cannot run the {implementation} SHA-256 implementation; available: {string.Join(", ", Available)}");

    private static Sha256Implementation[] FindAvailable() =>
        [.. Enum.GetValues<Sha256Implementation>().Where(IsSupported).OrderBy(Rank)];

    // Slowest first: the Arm instructions beat scalar code, and wider x86 lanes beat narrower ones.
    private static int Rank(Sha256Implementation implementation) => implementation switch
    {
        Sha256Implementation.Scalar => 0,
        Sha256Implementation.Arm64Sha => 1,
        Sha256Implementation.Avx2 => 2,
        _ => 3,
    };
}
