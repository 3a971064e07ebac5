using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Pool.Core.Hashing.Lanes;

/// <summary>Steps shared by every batch shape: initial state, compressing one or two groups, and the second hash.</summary>
internal static partial class Sha256dDriver<TLanes, TVec>
{
    private static void SetInitialState(Span<TVec> state)
    {
        var iv = Sha256Constants.InitialState;
        for (var i = 0; i < state.Length; i++)
        {
            state[i] = TLanes.Broadcast(iv[i & 7]);
        }
    }

    // Group g's state is state[8g..8g+7] and its block w[16g..16g+15].
    private static void CompressGroups(Span<TVec> state, Span<TVec> w, int groups)
    {
        if (groups == 2)
        {
            TLanes.CompressPair(ref state[0], ref w[0], ref state[8], ref w[16]);
        }
        else
        {
            TLanes.Compress(ref MemoryMarshal.GetReference(state), ref MemoryMarshal.GetReference(w));
        }
    }

    // The second SHA-256 hashes the 32-byte first digest: one block of the 8 state words, padding and length.
    private static void HashDigestAndStore(Span<TVec> state, Span<TVec> w, Span<uint> words, Span<byte> digests, int groups)
    {
        var width = TLanes.Width;
        for (var g = 0; g < groups; g++)
        {
            var block = w.Slice(g * 16, 16);
            state.Slice(g * 8, 8).CopyTo(block);
            block[8] = TLanes.Broadcast(Sha256Constants.PaddingWord);
            for (var i = 9; i < 15; i++)
            {
                block[i] = TLanes.Broadcast(0);
            }

            block[15] = TLanes.Broadcast(Sha256Constants.DigestBits);
        }

        SetInitialState(state);
        CompressGroups(state, w, groups);
        for (var g = 0; g < groups; g++)
        {
            for (var i = 0; i < 8; i++)
            {
                TLanes.Store(state[(g * 8) + i], ref words[(g * 16 * width) + (i * width)]);
            }
        }

        var used = digests.Length / DigestSize;
        for (var lane = 0; lane < used; lane++)
        {
            var digest = digests.Slice(lane * DigestSize, DigestSize);
            var column = ((lane / width) * 16 * width) + (lane % width);
            for (var i = 0; i < 8; i++)
            {
                BinaryPrimitives.WriteUInt32BigEndian(digest[(i * 4)..], words[column + (i * width)]);
            }
        }
    }
}
