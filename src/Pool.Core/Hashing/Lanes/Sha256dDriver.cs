using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Pool.Core.Hashing.Lanes;

/// <summary>
/// SHA-256d of many messages over one lane implementation: messages are padded, their words transposed so each
/// vector holds the same word of <c>Width</c> messages, and compressed side by side, two groups of lanes at a time
/// so that each group's dependent steps fill the other's latency; digests are transposed back at the end.
/// </summary>
[SkipLocalsInit]
internal static partial class Sha256dDriver<TLanes, TVec>
    where TLanes : struct, ISha256Lanes<TVec>
    where TVec : unmanaged
{
    private const int BlockSize = 64;
    private const int DigestSize = 32;

    /// <summary>Groups of lanes compressed together.</summary>
    private const int Groups = 2;

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
        Span<TVec> state = stackalloc TVec[8 * Groups];
        Span<TVec> w = stackalloc TVec[16 * Groups];
        Span<uint> words = stackalloc uint[16 * width * Groups];
        ref var source = ref MemoryMarshal.GetReference(messages);
        ref var table = ref MemoryMarshal.GetReference(words);
        for (var start = 0; start < count; start += width * Groups)
        {
            var used = Math.Min(width * Groups, count - start);
            var groups = used > width ? 2 : 1;
            SetInitialState(state);
            for (var b = 0; b < blocks; b++)
            {
                var first = b * 16;
                var present = Math.Clamp(messageWords - first, 0, 16);
                for (var lane = 0; lane < width * groups; lane++)
                {
                    // Lanes past the end of the batch repeat the first message and are discarded.
                    ref var message = ref Unsafe.Add(ref source, (nint)(start + (lane < used ? lane : 0)) * length);
                    ref var column = ref Unsafe.Add(ref table, ((lane / width) * 16 * width) + (lane % width));
                    for (var i = 0; i < present; i++)
                    {
                        Unsafe.Add(ref column, i * width) =
                            BinaryPrimitives.ReverseEndianness(Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref message, (first + i) * 4)));
                    }
                }

                for (var g = 0; g < groups; g++)
                {
                    for (var i = 0; i < present; i++)
                    {
                        w[(g * 16) + i] = TLanes.Load(ref Unsafe.Add(ref table, (g * 16 * width) + (i * width)));
                    }

                    for (var i = present; i < 16; i++)
                    {
                        var word = first + i == messageWords ? Sha256Constants.PaddingWord : 0u;
                        if (b == blocks - 1 && i >= 14)
                        {
                            word = i == 14 ? (uint)(bits >> 32) : (uint)bits;
                        }

                        w[(g * 16) + i] = TLanes.Broadcast(word);
                    }
                }

                CompressGroups(state, w, groups);
            }

            HashDigestAndStore(state, w, words, digests.Slice(start * DigestSize, used * DigestSize), groups);
        }
    }

    private static void HashManyAnyLength(ReadOnlySpan<byte> messages, int length, Span<byte> digests)
    {
        var width = TLanes.Width;
        var count = digests.Length / DigestSize;
        var blocks = (length + 8) / BlockSize + 1;
        Span<TVec> state = stackalloc TVec[8 * Groups];
        Span<TVec> w = stackalloc TVec[16 * Groups];
        Span<uint> words = stackalloc uint[16 * width * Groups];
        Span<byte> tail = stackalloc byte[BlockSize];
        for (var start = 0; start < count; start += width * Groups)
        {
            var used = Math.Min(width * Groups, count - start);
            var groups = used > width ? 2 : 1;
            SetInitialState(state);
            for (var b = 0; b < blocks; b++)
            {
                for (var lane = 0; lane < width * groups; lane++)
                {
                    var message = messages.Slice((start + (lane < used ? lane : 0)) * length, length);
                    ReadBlockWords(message, b, b == blocks - 1, tail, words[((lane / width) * 16 * width)..], lane % width, width);
                }

                for (var g = 0; g < groups; g++)
                {
                    for (var i = 0; i < 16; i++)
                    {
                        w[(g * 16) + i] = TLanes.Load(ref words[(g * 16 * width) + (i * width)]);
                    }
                }

                CompressGroups(state, w, groups);
            }

            HashDigestAndStore(state, w, words, digests.Slice(start * DigestSize, used * DigestSize), groups);
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
}
