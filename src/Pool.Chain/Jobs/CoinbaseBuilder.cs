using System.Buffers;
using System.Buffers.Binary;
using Pool.Chain.Blocks;
using Pool.Chain.Templates;

namespace Pool.Chain.Jobs;

/// <summary>
/// Builds the coinbase of a template split around the extranonces (non-witness serialization, which the txid and
/// so the merkle root cover): coinb1 ends just before extranonce1, coinb2 starts right after extranonce2.
/// </summary>
public sealed class CoinbaseBuilder
{
    /// <summary>Consensus limit on a coinbase script.</summary>
    public const int MaxScriptSize = 100;

    /// <summary>Longest pool tag in bytes.</summary>
    public const int MaxTagSize = 20;

    private const uint TransactionVersion = 1;
    private const uint FinalSequence = 0xffffffff;
    private const byte OpZero = 0x00;
    private const byte OpOneMinusOne = 0x50;

    private readonly byte[] _payoutScript;
    private readonly byte[] _tag;
    private readonly int _extranonceSize;

    /// <summary>Creates a builder paying to <paramref name="payoutScript"/>; <paramref name="extranonceSize"/> is extranonce1 plus extranonce2.</summary>
    public CoinbaseBuilder(byte[] payoutScript, byte[] tag, int extranonceSize)
    {
        ArgumentNullException.ThrowIfNull(payoutScript);
        ArgumentNullException.ThrowIfNull(tag);
        if (tag.Length > MaxTagSize)
        {
            throw new ArgumentException($"the pool tag is {tag.Length} bytes; at most {MaxTagSize} fit", nameof(tag));
        }

        if (extranonceSize is < 1 or > 75)
        {
            throw new ArgumentOutOfRangeException(nameof(extranonceSize), extranonceSize, "extranonce space must be 1 to 75 bytes");
        }

        _payoutScript = payoutScript;
        _tag = tag;
        _extranonceSize = extranonceSize;
    }

    /// <summary>Total extranonce bytes a miner's coinbase carries.</summary>
    public int ExtranonceSize => _extranonceSize;

    /// <summary>Builds coinb1 and coinb2 for <paramref name="template"/>.</summary>
    public (byte[] Coinbase1, byte[] Coinbase2) Build(BlockTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var heightPush = HeightPush(template.Height);

        // Script: BIP34 height, one push holding both extranonces, the tag push.
        var scriptSize = heightPush.Length + 1 + _extranonceSize + (_tag.Length > 0 ? 1 + _tag.Length : 0);
        if (scriptSize > MaxScriptSize)
        {
            throw new InvalidOperationException($"the coinbase script would be {scriptSize} bytes; shorten the pool tag or the extranonces to stay within {MaxScriptSize}");
        }

        var first = new ArrayBufferWriter<byte>(128);
        WriteUInt32(first, TransactionVersion);
        CompactSize.Write(first, 1);
        first.Write(new byte[32]);
        WriteUInt32(first, 0xffffffff);
        CompactSize.Write(first, (ulong)scriptSize);
        first.Write(heightPush);
        first.Write([(byte)_extranonceSize]);

        var second = new ArrayBufferWriter<byte>(128);
        if (_tag.Length > 0)
        {
            second.Write([(byte)_tag.Length]);
            second.Write(_tag);
        }

        WriteUInt32(second, FinalSequence);
        var outputs = template.WitnessCommitment is null ? 1UL : 2UL;
        CompactSize.Write(second, outputs);
        WriteOutput(second, template.CoinbaseValue, _payoutScript);
        if (template.WitnessCommitment is not null)
        {
            WriteOutput(second, 0, template.WitnessCommitment);
        }

        WriteUInt32(second, 0);
        return (first.WrittenSpan.ToArray(), second.WrittenSpan.ToArray());
    }

    /// <summary>The script push of a block height as BIP34 requires: what Bitcoin Core's <c>CScript() &lt;&lt; height</c> writes.</summary>
    public static byte[] HeightPush(long height)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        if (height == 0)
        {
            return [OpZero];
        }

        if (height <= 16)
        {
            return [(byte)(OpOneMinusOne + height)];
        }

        // Minimal little-endian script number; a set top bit would read as negative, so it gets a zero byte.
        Span<byte> number = stackalloc byte[9];
        var length = 0;
        for (var value = height; value > 0; value >>= 8)
        {
            number[length++] = (byte)value;
        }

        if ((number[length - 1] & 0x80) != 0)
        {
            number[length++] = 0;
        }

        var push = new byte[length + 1];
        push[0] = (byte)length;
        number[..length].CopyTo(push.AsSpan(1));
        return push;
    }

    private static void WriteOutput(ArrayBufferWriter<byte> writer, long value, byte[] script)
    {
        var span = writer.GetSpan(8);
        BinaryPrimitives.WriteInt64LittleEndian(span, value);
        writer.Advance(8);
        CompactSize.Write(writer, (ulong)script.Length);
        writer.Write(script);
    }

    private static void WriteUInt32(ArrayBufferWriter<byte> writer, uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(writer.GetSpan(4), value);
        writer.Advance(4);
    }
}
