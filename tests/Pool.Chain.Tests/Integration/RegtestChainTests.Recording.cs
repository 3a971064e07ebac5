using System.Text.Json;
using Pool.Chain.Jobs;
using Pool.Chain.Tests.Support;
using Pool.Chain.Templates;

namespace Pool.Chain.Tests.Integration;

public sealed partial class RegtestChainTests
{
    // Set to a directory to record accepted blocks with their templates as unit-test vectors (tests/Pool.Chain.Tests/data).
    private const string RecordDirectoryVariable = "POOL_RECORD_BLOCKS_DIR";

    private async Task RecordAsync(MiningJob job, byte[] extranonce1, byte[] extranonce2, uint nonce, uint version, BlockSubmission submission)
    {
        var directory = Environment.GetEnvironmentVariable(RecordDirectoryVariable);
        if (string.IsNullOrEmpty(directory) || !submission.Accepted)
        {
            return;
        }

        var template = ((TemplateBlockSource)job.BlockSource!).Template;
        var raw = await _nodes.A.CallAsync("getblock", submission.BlockHash, 0);
        var record = new RecordedBlock
        {
            Coin = _coin,
            Network = "regtest",
            PoolAddress = _poolAddress,
            PoolTag = "/pool-test/",
            Extranonce1 = Convert.ToHexStringLower(extranonce1),
            Extranonce2 = Convert.ToHexStringLower(extranonce2),
            Time = job.Time,
            Nonce = nonce,
            Version = version,
            BlockHash = submission.BlockHash,
            BlockHex = raw.GetString()!,
            Template = TemplateJson(template),
        };
        var name = $"{_coin}-regtest-{job.Height}-{template.Transactions.Count}tx{(template.ExtensionBlock is null ? string.Empty : "-mweb")}.json";
        await File.WriteAllTextAsync(Path.Combine(directory, name), JsonSerializer.Serialize(record, RecordedBlock.JsonOptions));
    }

    // The template fields the pool reads, as the node sent them.
    private static JsonElement TemplateJson(BlockTemplate template)
    {
        var json = new Dictionary<string, object?>
        {
            ["version"] = template.Version,
            ["previousblockhash"] = template.PreviousBlockHash,
            ["transactions"] = template.Transactions.Select(t =>
            {
                var txid = (byte[])t.TransactionId.Clone();
                Array.Reverse(txid);
                return new Dictionary<string, object> { ["data"] = Convert.ToHexStringLower(t.Data), ["txid"] = Convert.ToHexStringLower(txid), ["fee"] = t.Fee };
            }).ToList(),
            ["coinbasevalue"] = template.CoinbaseValue,
            ["bits"] = template.Bits.ToString("x8", System.Globalization.CultureInfo.InvariantCulture),
            ["curtime"] = template.CurrentTime,
            ["mintime"] = template.MinimumTime,
            ["height"] = template.Height,
            ["longpollid"] = template.LongPollId,
        };
        if (template.WitnessCommitment is not null)
        {
            json["default_witness_commitment"] = Convert.ToHexStringLower(template.WitnessCommitment);
        }

        if (template.ExtensionBlock is not null)
        {
            json["mweb"] = Convert.ToHexStringLower(template.ExtensionBlock);
        }

        return JsonSerializer.SerializeToElement(json);
    }
}
