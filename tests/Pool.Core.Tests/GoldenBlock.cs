using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;

namespace Pool.Core.Tests;

/// <summary>A real block's header fields (hashes as explorers print them) loaded from the data folder.</summary>
public sealed record GoldenBlock(
    int Height,
    string Hash,
    string? PowHash,
    uint Version,
    string PreviousBlockHash,
    string MerkleRoot,
    uint Time,
    string Bits,
    uint Nonce,
    string[]? Txids)
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    public uint CompactBits => uint.Parse(Bits, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    public static IReadOnlyList<GoldenBlock> Load(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "data", fileName);
        return JsonSerializer.Deserialize<GoldenBlock[]>(File.ReadAllText(path), Options)
            ?? throw new InvalidDataException($"{path} holds no blocks");
    }

    /// <summary>The 80-byte serialized header.</summary>
    public byte[] Header()
    {
        var header = new byte[80];
        BinaryPrimitives.WriteUInt32LittleEndian(header, Version);
        Internal(PreviousBlockHash).CopyTo(header, 4);
        Internal(MerkleRoot).CopyTo(header, 36);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(68), Time);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(72), CompactBits);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(76), Nonce);
        return header;
    }

    public override string ToString() => $"block {Height}";

    /// <summary>Bytes in the order hashing produces them, from a hash as explorers print it.</summary>
    public static byte[] Internal(string displayHex)
    {
        var bytes = Convert.FromHexString(displayHex);
        Array.Reverse(bytes);
        return bytes;
    }

    /// <summary>A hash as explorers print it.</summary>
    public static string Display(ReadOnlySpan<byte> internalBytes)
    {
        var copy = internalBytes.ToArray();
        Array.Reverse(copy);
        return Convert.ToHexStringLower(copy);
    }
}
