using System.Buffers;
using Pool.Chain.Jobs;
using Pool.Core.Hashing;

namespace Pool.Chain.Blocks;

/// <summary>
/// Rebuilds the block of a winning share: header, coinbase with the miner's extranonces (witness form with the
/// 32-byte reserved value when the coinbase commits to witnesses), the template's transactions as given, and the
/// extension block (Litecoin MWEB) when the template has one.
/// </summary>
public static class BlockAssembler
{
    private const byte SegwitMarker = 0x00;
    private const byte SegwitFlag = 0x01;
    private const int WitnessReservedValueSize = 32;
    private const byte ExtensionBlockPresent = 0x01;

    /// <summary>Assembles the block; <paramref name="version"/> is the final header version, rolled bits included.</summary>
    public static AssembledBlock Assemble(MiningJob job, ReadOnlySpan<byte> extranonce1, ReadOnlySpan<byte> extranonce2, uint time, uint nonce, uint version)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.BlockSource is not TemplateBlockSource source)
        {
            throw new ArgumentException($"job {job.JobId} was not built from a block template", nameof(job));
        }

        var template = source.Template;
        var header = new byte[80];
        job.BuildHeader(extranonce1, extranonce2, time, nonce, version, header);

        var coinbase = new byte[job.CoinbaseLength(extranonce1.Length + extranonce2.Length)];
        job.WriteCoinbase(extranonce1, extranonce2, coinbase);

        var writer = new ArrayBufferWriter<byte>(256 + template.Transactions.Sum(t => t.Data.Length) + (template.ExtensionBlock?.Length ?? 0));
        writer.Write(header);
        CompactSize.Write(writer, (ulong)template.Transactions.Count + 1);
        if (source.NeedsCoinbaseWitness)
        {
            WriteWitnessCoinbase(writer, coinbase);
        }
        else
        {
            writer.Write(coinbase);
        }

        foreach (var transaction in template.Transactions)
        {
            writer.Write(transaction.Data);
        }

        if (template.ExtensionBlock is not null)
        {
            writer.Write([ExtensionBlockPresent]);
            writer.Write(template.ExtensionBlock);
        }

        return new AssembledBlock(writer.WrittenSpan.ToArray(), header, HashOf(header));
    }

    /// <summary>The block hash of a header, display order (SHA-256d for every supported coin, scrypt being only its proof of work).</summary>
    public static string HashOf(ReadOnlySpan<byte> header)
    {
        var hash = Sha256d.Hash(header[..80]);
        Array.Reverse(hash);
        return Convert.ToHexStringLower(hash);
    }

    // BIP144: version, marker, flag, inputs and outputs, one witness stack (the reserved value) for the one input, lock time.
    private static void WriteWitnessCoinbase(ArrayBufferWriter<byte> writer, ReadOnlySpan<byte> coinbase)
    {
        writer.Write(coinbase[..4]);
        writer.Write([SegwitMarker, SegwitFlag]);
        writer.Write(coinbase[4..^4]);
        writer.Write<byte>([1, WitnessReservedValueSize]);
        writer.Write(new byte[WitnessReservedValueSize]);
        writer.Write(coinbase[^4..]);
    }
}
