using System.Buffers;
using System.Buffers.Binary;

namespace Pool.Chain.Blocks;

/// <summary>Bitcoin's variable-length integer ("CompactSize") used for counts and lengths in transactions and blocks.</summary>
public static class CompactSize
{
    /// <summary>Writes <paramref name="value"/> in 1, 3, 5 or 9 bytes.</summary>
    public static void Write(IBufferWriter<byte> writer, ulong value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value < 0xfd)
        {
            writer.GetSpan(1)[0] = (byte)value;
            writer.Advance(1);
        }
        else if (value <= ushort.MaxValue)
        {
            var span = writer.GetSpan(3);
            span[0] = 0xfd;
            BinaryPrimitives.WriteUInt16LittleEndian(span[1..], (ushort)value);
            writer.Advance(3);
        }
        else if (value <= uint.MaxValue)
        {
            var span = writer.GetSpan(5);
            span[0] = 0xfe;
            BinaryPrimitives.WriteUInt32LittleEndian(span[1..], (uint)value);
            writer.Advance(5);
        }
        else
        {
            var span = writer.GetSpan(9);
            span[0] = 0xff;
            BinaryPrimitives.WriteUInt64LittleEndian(span[1..], value);
            writer.Advance(9);
        }
    }
}
