using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Pool.Core.Hashing.Lanes;

/// <summary>
/// SHA-256d of many messages over one lane implementation: messages are padded, their words transposed so each
/// vector holds the same word of <c>Width</c> messages, compressed side by side and transposed back into digests.
/// </summary>
[SkipLocalsInit]
internal static class Sha256dDriver<TLanes, TVec>
    where TLanes : struct, ISha256Lanes<TVec>
    where TVec : unmanaged
{
    private const int BlockSize = 64;
    private const int DigestSize = 32;

    /// <summary>Hashes <c>digests.Length / 32</c> messages of <paramref name="length"/> bytes laid end to end.</summary>
    public static void HashMany(ReadOnlySpan<byte> messages, int length, Span<byte> digests)
    {
        if (length % 4 == 0)
        {
            HashManyWordAligned(messages, length, digests);
        }
        else
        {
            HashManyAnyLength(messages, length, digests);
        }
    }

    // Messages of whole words (headers, merkle pairs, digests): every word of a block is either a message word, read
    // straight into the transposed table, or a padding/length word that is the same in every lane.
    private static void HashManyWordAligned(ReadOnlySpan<byte> messages, int length, Span<byte> digests)
    {
        var width = TLanes.Width;
        var count = digests.Length / DigestSize;
        var blocks = (length + 8) / BlockSize + 1;
        var messageWords = length / 4;
        var bits = (ulong)length * 8;
        Span<TVec> state = stackalloc TVec[8];
        Span<TVec> w = stackalloc TVec[16];
        Span<uint> words = stackalloc uint[16 * width];
        ref var source = ref MemoryMarshal.GetReference(messages);
        ref var table = ref MemoryMarshal.GetReference(words);
        for (var start = 0; start < count; start += width)
        {
            var used = Math.Min(width, count - start);
            SetInitialState(state);
            for (var b = 0; b < blocks; b++)
            {
                var first = b * 16;
                var present = Math.Clamp(messageWords - first, 0, 16);
                for (var lane = 0; lane < width; lane++)
                {
                    // Lanes past the end of the batch repeat the first message and are discarded.
                    ref var message = ref Unsafe.Add(ref source, (nint)(start + (lane < used ? lane : 0)) * length);
                    for (var i = 0; i < present; i++)
                    {
                        Unsafe.Add(ref table, (i * width) + lane) =
                            BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref message, (first + i) * 4)));
                    }
                }

                for (var i = 0; i < present; i++)
                {
                    w[i] = TLanes.Load(ref Unsafe.Add(ref table, i * width));
                }

                for (var i = present; i < 16; i++)
                {
                    var word = first + i == messageWords ? Sha256Constants.PaddingWord : 0u;
                    if (b == blocks - 1 && i >= 14)
                    {
                        word = i == 14 ? (uint)(bits >> 32) : (uint)bits;
                    }

                    w[i] = TLanes.Broadcast(word);
                }

                TLanes.Compress(ref MemoryMarshal.GetReference(state), ref MemoryMarshal.GetReference(w));
            }

            HashDigestAndStore(state, w, words, digests.Slice(start * DigestSize, used * DigestSize));
        }
    }

    private static void HashManyAnyLength(ReadOnlySpan<byte> messages, int length, Span<byte> digests)
    {
        var width = TLanes.Width;
        var count = digests.Length / DigestSize;
        var blocks = (length + 8) / BlockSize + 1;
        Span<TVec> state = stackalloc TVec[8];
        Span<TVec> w = stackalloc TVec[16];
        Span<uint> words = stackalloc uint[16 * width];
        Span<byte> tail = stackalloc byte[BlockSize];
        for (var start = 0; start < count; start += width)
        {
            var used = Math.Min(width, count - start);
            SetInitialState(state);
            for (var b = 0; b < blocks; b++)
            {
                for (var lane = 0; lane < width; lane++)
                {
                    var message = messages.Slice((start + (lane < used ? lane : 0)) * length, length);
                    ReadBlockWords(message, b, b == blocks - 1, tail, words, lane, width);
                }

                LoadBlock(words, w);
                TLanes.Compress(ref MemoryMarshal.GetReference(state), ref MemoryMarshal.GetReference(w));
            }

            HashDigestAndStore(state, w, words, digests.Slice(start * DigestSize, used * DigestSize));
        }
    }

    /// <summary>Hashes 16-byte header tails after a shared midstate (the header's first block already compressed).</summary>
    public static void HashTails(ReadOnlySpan<uint> midstate, ReadOnlySpan<byte> tails, Span<byte> digests)
    {
        const int tailSize = Sha256dMidstate.TailSize;
        var width = TLanes.Width;
        var count = tails.Length / tailSize;
        Span<TVec> state = stackalloc TVec[8];
        Span<TVec> w = stackalloc TVec[16];
        Span<uint> words = stackalloc uint[16 * width];
        for (var start = 0; start < count; start += width)
        {
            var used = Math.Min(width, count - start);
            for (var lane = 0; lane < width; lane++)
            {
                var tail = tails.Slice((start + (lane < used ? lane : 0)) * tailSize, tailSize);
                for (var i = 0; i < 4; i++)
                {
                    words[(i * width) + lane] = BinaryPrimitives.ReadUInt32BigEndian(tail[(i * 4)..]);
                }
            }

            for (var i = 0; i < 8; i++)
            {
                state[i] = TLanes.Broadcast(midstate[i]);
            }

            for (var i = 0; i < 4; i++)
            {
                w[i] = TLanes.Load(ref words[i * width]);
            }

            w[4] = TLanes.Broadcast(Sha256Constants.PaddingWord);
            for (var i = 5; i < 15; i++)
            {
                w[i] = TLanes.Broadcast(0);
            }

            w[15] = TLanes.Broadcast(Sha256Constants.HeaderBits);
            TLanes.Compress(ref MemoryMarshal.GetReference(state), ref MemoryMarshal.GetReference(w));
            HashDigestAndStore(state, w, words, digests.Slice(start * DigestSize, used * DigestSize));
        }
    }

    private static void SetInitialState(Span<TVec> state)
    {
        var iv = Sha256Constants.InitialState;
        for (var i = 0; i < 8; i++)
        {
            state[i] = TLanes.Broadcast(iv[i]);
        }
    }

    private static void LoadBlock(Span<uint> words, Span<TVec> w)
    {
        var width = TLanes.Width;
        for (var i = 0; i < 16; i++)
        {
            w[i] = TLanes.Load(ref words[i * width]);
        }
    }

    // Writes block b of the padded message into column `lane` of the transposed word table.
    private static void ReadBlockWords(ReadOnlySpan<byte> message, int b, bool last, Span<byte> tail, Span<uint> words, int lane, int width)
    {
        var available = message.Length - (b * BlockSize);
        if (available >= BlockSize)
        {
            var block = message.Slice(b * BlockSize, BlockSize);
            for (var i = 0; i < 16; i++)
            {
                words[(i * width) + lane] = BinaryPrimitives.ReadUInt32BigEndian(block[(i * 4)..]);
            }

            return;
        }

        tail.Clear();
        if (available >= 0)
        {
            message[(b * BlockSize)..].CopyTo(tail);
            tail[available] = 0x80;
        }

        if (last)
        {
            BinaryPrimitives.WriteUInt64BigEndian(tail[(BlockSize - 8)..], (ulong)message.Length * 8);
        }

        for (var i = 0; i < 16; i++)
        {
            words[(i * width) + lane] = BinaryPrimitives.ReadUInt32BigEndian(tail[(i * 4)..]);
        }
    }

    // The second SHA-256 hashes the 32-byte first digest: one block of the 8 state words, padding and length.
    private static void HashDigestAndStore(Span<TVec> state, Span<TVec> w, Span<uint> words, Span<byte> digests)
    {
        var width = TLanes.Width;
        state.CopyTo(w);
        w[8] = TLanes.Broadcast(Sha256Constants.PaddingWord);
        for (var i = 9; i < 15; i++)
        {
            w[i] = TLanes.Broadcast(0);
        }

        w[15] = TLanes.Broadcast(Sha256Constants.DigestBits);
        SetInitialState(state);
        TLanes.Compress(ref MemoryMarshal.GetReference(state), ref MemoryMarshal.GetReference(w));
        for (var i = 0; i < 8; i++)
        {
            TLanes.Store(state[i], ref words[i * width]);
        }

        var used = digests.Length / DigestSize;
        for (var lane = 0; lane < used; lane++)
        {
            var digest = digests.Slice(lane * DigestSize, DigestSize);
            for (var i = 0; i < 8; i++)
            {
                BinaryPrimitives.WriteUInt32BigEndian(digest[(i * 4)..], words[(i * width) + lane]);
            }
        }
    }
}
