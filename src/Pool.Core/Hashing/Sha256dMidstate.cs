using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Pool.Core.Hashing.Lanes;

namespace Pool.Core.Hashing;

/// <summary>
/// The SHA-256 state after a block header's first 64 bytes. Shares of one job differ only in the last 16 bytes
/// (merkle-root tail, ntime, nbits, nonce), so each header then costs two compressions instead of three.
/// </summary>
public readonly struct Sha256dMidstate : IEquatable<Sha256dMidstate>
{
    /// <summary>Bytes of the header compressed into the midstate.</summary>
    public const int PrefixSize = 64;

    /// <summary>Bytes of each header that follow the midstate.</summary>
    public const int TailSize = 16;

    private readonly Sha256StateWords _words;

    private Sha256dMidstate(Sha256StateWords words) => _words = words;

    /// <summary>Compresses the first 64 bytes of a header.</summary>
    [SkipLocalsInit]
    public static Sha256dMidstate FromHeaderPrefix(ReadOnlySpan<byte> prefix)
    {
        if (prefix.Length < PrefixSize)
        {
            throw new ArgumentException($"a midstate needs the header's first {PrefixSize} bytes, got {prefix.Length}", nameof(prefix));
        }

        var words = default(Sha256StateWords);
        Span<uint> state = words;
        Sha256Constants.InitialState.CopyTo(state);
        Span<uint> w = stackalloc uint[16];
        for (var i = 0; i < 16; i++)
        {
            w[i] = BinaryPrimitives.ReadUInt32BigEndian(prefix[(i * 4)..]);
        }

        ScalarLanes.Compress(ref MemoryMarshal.GetReference(state), ref MemoryMarshal.GetReference(w));
        return new Sha256dMidstate(words);
    }

    /// <summary>SHA-256d of each header formed by the prefix and one 16-byte tail; writes 32 bytes per tail, on the fastest implementation.</summary>
    public void HashTails(ReadOnlySpan<byte> tails, Span<byte> digests) =>
        Sha256Engine.HashTails(Sha256Engine.ForBatch(tails.Length / TailSize), this, tails, digests);

    /// <summary>SHA-256d of the header formed by the prefix and <paramref name="tail"/> (16 bytes).</summary>
    public void HashTail(ReadOnlySpan<byte> tail, Span<byte> digest) =>
        Sha256Engine.HashTails(Sha256Implementation.Scalar, this, tail[..TailSize], digest[..Sha256d.DigestSize]);

    /// <summary>Copies the eight state words to <paramref name="destination"/>.</summary>
    internal void CopyWordsTo(Span<uint> destination) => ((ReadOnlySpan<uint>)_words).CopyTo(destination);

    public bool Equals(Sha256dMidstate other) => ((ReadOnlySpan<uint>)_words).SequenceEqual(other._words);

    public override bool Equals(object? obj) => obj is Sha256dMidstate other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_words[0], _words[1], _words[7]);

    public static bool operator ==(Sha256dMidstate left, Sha256dMidstate right) => left.Equals(right);

    public static bool operator !=(Sha256dMidstate left, Sha256dMidstate right) => !left.Equals(right);
}
