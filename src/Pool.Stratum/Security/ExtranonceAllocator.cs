using System.Buffers.Binary;
using System.Collections.Concurrent;

namespace Pool.Stratum.Security;

/// <summary>
/// Hands out 4-byte extranonce1 values: the instance prefix byte, then a 24-bit counter. Never random, so two live
/// connections never share one, and a reconnecting miner can resume its own by presenting it as session id.
/// </summary>
public sealed class ExtranonceAllocator(byte prefix)
{
    /// <summary>Bytes of every extranonce1.</summary>
    public const int Size = 4;

    private const uint CounterMask = 0x00ffffff;
    private readonly ConcurrentDictionary<uint, byte> _inUse = new();
    private uint _counter;

    /// <summary>The instance prefix.</summary>
    public byte Prefix { get; } = prefix;

    /// <summary>Takes the next free extranonce1.</summary>
    public uint Allocate()
    {
        while (true)
        {
            var value = ((uint)Prefix << 24) | (Interlocked.Increment(ref _counter) & CounterMask);
            if (_inUse.TryAdd(value, 0))
            {
                return value;
            }
        }
    }

    /// <summary>Takes back the extranonce1 named by a session id (its 8 hex digits) when it is ours and free.</summary>
    public bool TryResume(string? sessionId, out uint value)
    {
        value = 0;
        Span<byte> bytes = stackalloc byte[Size];
        if (sessionId is not { Length: Size * 2 } || Convert.FromHexString(sessionId, bytes, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != Size)
        {
            return false;
        }

        value = BinaryPrimitives.ReadUInt32BigEndian(bytes);
        return bytes[0] == Prefix && _inUse.TryAdd(value, 0);
    }

    /// <summary>Frees an extranonce1 when its connection ends.</summary>
    public void Release(uint value) => _inUse.TryRemove(value, out _);

    /// <summary>The extranonce1 bytes as they go into the coinbase.</summary>
    public static byte[] ToBytes(uint value)
    {
        var bytes = new byte[Size];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }
}
