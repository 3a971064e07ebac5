using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace Pool.Ledger.Spool;

/// <summary>
/// The highest spool sequence known to be in Redis, in a 16-byte file (sequence, then its bitwise complement).
/// A stale or unreadable checkpoint only costs a replay, which Redis recognises and skips.
/// </summary>
internal sealed class SpoolCheckpoint : IDisposable
{
    private const int Size = 16;
    private readonly SafeFileHandle _handle;
    private readonly byte[] _buffer = new byte[Size];

    public SpoolCheckpoint(string path)
    {
        _handle = File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        Value = ReadValue();
    }

    /// <summary>Highest sequence written to Redis, as last saved.</summary>
    public long Value { get; private set; }

    /// <summary>Saves <paramref name="sequence"/> (a write() into the page cache: it survives a killed process).</summary>
    public void Save(long sequence)
    {
        if (sequence <= Value)
        {
            return;
        }

        BinaryPrimitives.WriteInt64LittleEndian(_buffer, sequence);
        BinaryPrimitives.WriteInt64LittleEndian(_buffer.AsSpan(8), ~sequence);
        RandomAccess.Write(_handle, _buffer, 0);
        Value = sequence;
    }

    public void Dispose() => _handle.Dispose();

    private long ReadValue()
    {
        Span<byte> data = stackalloc byte[Size];
        if (RandomAccess.Read(_handle, data, 0) < Size)
        {
            return 0;
        }

        var value = BinaryPrimitives.ReadInt64LittleEndian(data);
        return value >= 0 && BinaryPrimitives.ReadInt64LittleEndian(data[8..]) == ~value ? value : 0;
    }
}
