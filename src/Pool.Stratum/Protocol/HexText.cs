namespace Pool.Stratum.Protocol;

/// <summary>Hex digits straight from and to UTF-8 bytes, without strings.</summary>
public static class HexText
{
    private static ReadOnlySpan<byte> Digits => "0123456789abcdef"u8;

    /// <summary>Decodes exactly <c>destination.Length</c> bytes from twice as many hex digits (either case).</summary>
    public static bool TryDecode(ReadOnlySpan<byte> hex, Span<byte> destination)
    {
        if (hex.Length != destination.Length * 2)
        {
            return false;
        }

        for (var i = 0; i < destination.Length; i++)
        {
            var high = Value(hex[2 * i]);
            var low = Value(hex[(2 * i) + 1]);
            if ((high | low) < 0)
            {
                return false;
            }

            destination[i] = (byte)((high << 4) | low);
        }

        return true;
    }

    /// <summary>Parses 1 to 8 hex digits as a big-endian 32-bit number (shorter input counts as zero-padded).</summary>
    public static bool TryParseUInt32(ReadOnlySpan<byte> hex, out uint value)
    {
        value = 0;
        if (hex.Length is 0 or > 8)
        {
            return false;
        }

        foreach (var digit in hex)
        {
            var nibble = Value(digit);
            if (nibble < 0)
            {
                return false;
            }

            value = (value << 4) | (uint)nibble;
        }

        return true;
    }

    /// <summary>Writes <paramref name="bytes"/> as lower-case hex; <paramref name="destination"/> needs twice the length.</summary>
    public static void Encode(ReadOnlySpan<byte> bytes, Span<byte> destination)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            destination[2 * i] = Digits[bytes[i] >> 4];
            destination[(2 * i) + 1] = Digits[bytes[i] & 0xf];
        }
    }

    /// <summary>Writes a 32-bit number as 8 big-endian hex digits.</summary>
    public static void EncodeUInt32(uint value, Span<byte> destination)
    {
        for (var i = 7; i >= 0; i--)
        {
            destination[i] = Digits[(int)(value & 0xf)];
            value >>= 4;
        }
    }

    private static int Value(byte digit) => digit switch
    {
        >= (byte)'0' and <= (byte)'9' => digit - '0',
        >= (byte)'a' and <= (byte)'f' => digit - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => digit - 'A' + 10,
        _ => -1,
    };
}
