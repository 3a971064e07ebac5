using System.Buffers.Binary;

namespace Pool.Core.Hashing.Lanes;

/// <summary>Header tails after a shared midstate: only the header's second block and the second hash remain.</summary>
internal static partial class Sha256dDriver<TLanes, TVec>
{
    /// <summary>Hashes 16-byte header tails after a shared midstate (the header's first block already compressed).</summary>
    public static void HashTails(ReadOnlySpan<uint> midstate, ReadOnlySpan<byte> tails, Span<byte> digests)
    {
        const int tailSize = Sha256dMidstate.TailSize;
        var width = TLanes.Width;
        var count = tails.Length / tailSize;
        Span<TVec> state = stackalloc TVec[8 * Groups];
        Span<TVec> w = stackalloc TVec[16 * Groups];
        Span<uint> words = stackalloc uint[16 * width * Groups];
        for (var start = 0; start < count; start += width * Groups)
        {
            var used = Math.Min(width * Groups, count - start);
            var groups = used > width ? 2 : 1;
            for (var lane = 0; lane < width * groups; lane++)
            {
                // Lanes past the end of the batch repeat the first tail and are discarded.
                var tail = tails.Slice((start + (lane < used ? lane : 0)) * tailSize, tailSize);
                var column = ((lane / width) * 16 * width) + (lane % width);
                for (var i = 0; i < 4; i++)
                {
                    words[column + (i * width)] = BinaryPrimitives.ReadUInt32BigEndian(tail[(i * 4)..]);
                }
            }

            for (var g = 0; g < groups; g++)
            {
                for (var i = 0; i < 8; i++)
                {
                    state[(g * 8) + i] = TLanes.Broadcast(midstate[i]);
                }

                for (var i = 0; i < 4; i++)
                {
                    w[(g * 16) + i] = TLanes.Load(ref words[(g * 16 * width) + (i * width)]);
                }

                w[(g * 16) + 4] = TLanes.Broadcast(Sha256Constants.PaddingWord);
                for (var i = 5; i < 15; i++)
                {
                    w[(g * 16) + i] = TLanes.Broadcast(0);
                }

                w[(g * 16) + 15] = TLanes.Broadcast(Sha256Constants.HeaderBits);
            }

            CompressGroups(state, w, groups);
            HashDigestAndStore(state, w, words, digests.Slice(start * DigestSize, used * DigestSize), groups);
        }
    }
}
