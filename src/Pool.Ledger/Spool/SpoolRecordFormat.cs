using System.Buffers.Binary;
using System.Numerics;

namespace Pool.Ledger.Spool;

/// <summary>
/// Framing of a spool record: <c>u32 payloadLength | u32 crc32c(seq, type, payload) | u64 seq | u8 type | payload</c>,
/// little-endian. The checksum finds a torn tail after a crash.
/// </summary>
public static class SpoolRecordFormat
{
    /// <summary>Bytes before the payload.</summary>
    public const int HeaderSize = 17;

    /// <summary>Largest payload accepted.</summary>
    public const int MaxPayload = 64 * 1024;

    /// <summary>Writes one record into <paramref name="destination"/>, which must hold <see cref="HeaderSize"/> + payload bytes.</summary>
    public static int Write(Span<byte> destination, long sequence, SpoolRecordType type, ReadOnlySpan<byte> payload)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, (uint)payload.Length);
        BinaryPrimitives.WriteInt64LittleEndian(destination[8..], sequence);
        destination[16] = (byte)type;
        payload.CopyTo(destination[HeaderSize..]);
        var crc = Checksum(destination[8..(HeaderSize + payload.Length)]);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], crc);
        return HeaderSize + payload.Length;
    }

    /// <summary>Writes the header of a record whose payload is already at <c>destination[HeaderSize..]</c>.</summary>
    public static int WriteHeader(Span<byte> destination, long sequence, SpoolRecordType type, int payloadLength)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, (uint)payloadLength);
        BinaryPrimitives.WriteInt64LittleEndian(destination[8..], sequence);
        destination[16] = (byte)type;
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], Checksum(destination[8..(HeaderSize + payloadLength)]));
        return HeaderSize + payloadLength;
    }

    /// <summary>
    /// Reads the record at the start of <paramref name="source"/>. Returns the record's size, 0 when <paramref name="source"/>
    /// holds only part of it, or -1 when the bytes are not a valid record (torn or corrupt).
    /// </summary>
    public static int TryRead(ReadOnlySpan<byte> source, out long sequence, out SpoolRecordType type, out int payloadLength)
    {
        sequence = 0;
        type = 0;
        payloadLength = 0;
        if (source.Length < HeaderSize)
        {
            return 0;
        }

        var length = BinaryPrimitives.ReadUInt32LittleEndian(source);
        if (length > MaxPayload)
        {
            return -1;
        }

        if (source.Length < HeaderSize + (int)length)
        {
            return 0;
        }

        var expected = BinaryPrimitives.ReadUInt32LittleEndian(source[4..]);
        if (Checksum(source[8..(HeaderSize + (int)length)]) != expected)
        {
            return -1;
        }

        sequence = BinaryPrimitives.ReadInt64LittleEndian(source[8..]);
        type = (SpoolRecordType)source[16];
        payloadLength = (int)length;
        return HeaderSize + payloadLength;
    }

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        var crc = uint.MaxValue;
        var i = 0;
        for (; i + 8 <= data.Length; i += 8)
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data[i..]));
        }

        for (; i < data.Length; i++)
        {
            crc = BitOperations.Crc32C(crc, data[i]);
        }

        return ~crc;
    }
}
