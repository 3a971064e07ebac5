using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Pool.Chain.Templates;

/// <summary>Reads a getblocktemplate answer into a <see cref="BlockTemplate"/>, naming the field when one is missing or malformed.</summary>
public static class BlockTemplateParser
{
    /// <summary>Parses a template; false with <paramref name="error"/> saying which field is wrong.</summary>
    public static bool TryParse(JsonElement json, out BlockTemplate template, out string error)
    {
        template = null!;
        try
        {
            template = Parse(json);
            error = string.Empty;
            return true;
        }
        catch (FormatException e)
        {
            error = e.Message;
            return false;
        }
    }

    /// <summary>Parses a template; throws <see cref="FormatException"/> naming the bad field.</summary>
    public static BlockTemplate Parse(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"getblocktemplate answered {json.ValueKind}, not an object");
        }

        var previous = RequiredString(json, "previousblockhash");
        var previousBytes = ParseHash(previous, "previousblockhash");
        var transactions = ParseTransactions(json);
        var commitment = OptionalHex(json, "default_witness_commitment");
        var extension = OptionalHex(json, "mweb");
        var coinbaseValue = RequiredInt64(json, "coinbasevalue");
        if (coinbaseValue < 0)
        {
            throw new FormatException("getblocktemplate field 'coinbasevalue' is negative");
        }

        var currentTime = (uint)RequiredInt64(json, "curtime");
        return new BlockTemplate
        {
            Height = RequiredInt64(json, "height"),
            Version = (uint)RequiredInt64(json, "version"),
            PreviousBlockHash = previous,
            PreviousBlockHashBytes = previousBytes,
            Transactions = transactions,
            CoinbaseValue = coinbaseValue,
            Bits = uint.TryParse(RequiredString(json, "bits"), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var bits)
                ? bits
                : throw new FormatException("getblocktemplate field 'bits' is not 8 hex digits"),
            CurrentTime = currentTime,
            MinimumTime = json.TryGetProperty("mintime", out var min) && min.TryGetInt64(out var minTime) ? (uint)minTime : currentTime,
            WitnessCommitment = commitment,
            ExtensionBlock = extension,
            LongPollId = json.TryGetProperty("longpollid", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null,
            ContentKey = ContentKeyOf(previous, coinbaseValue, transactions, extension),
        };
    }

    private static List<TemplateTransaction> ParseTransactions(JsonElement json)
    {
        if (!json.TryGetProperty("transactions", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("getblocktemplate answer lacks the 'transactions' array");
        }

        var list = new List<TemplateTransaction>(array.GetArrayLength());
        var index = 0;
        foreach (var tx in array.EnumerateArray())
        {
            var where = $"transactions[{index}]";
            if (tx.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"getblocktemplate {where} is not an object");
            }

            var data = ParseHex(RequiredString(tx, "data", where), where + ".data");
            var txid = ParseHash(RequiredString(tx, "txid", where), where + ".txid");
            var fee = tx.TryGetProperty("fee", out var f) && f.TryGetInt64(out var value) ? value : 0;
            list.Add(new TemplateTransaction(data, txid, fee));
            index++;
        }

        return list;
    }

    private static string ContentKeyOf(string previous, long coinbaseValue, List<TemplateTransaction> transactions, byte[]? extension)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.ASCII.GetBytes(previous));
        hash.AppendData(BitConverter.GetBytes(coinbaseValue));
        foreach (var tx in transactions)
        {
            hash.AppendData(tx.TransactionId);
        }

        if (extension is not null)
        {
            hash.AppendData(extension);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string RequiredString(JsonElement json, string name, string where = "answer")
    {
        if (!json.TryGetProperty(name, out var value))
        {
            throw new FormatException($"getblocktemplate {where} lacks '{name}'");
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new FormatException($"getblocktemplate field '{name}' in {where} is {value.ValueKind}, not a string");
    }

    private static long RequiredInt64(JsonElement json, string name)
    {
        if (!json.TryGetProperty(name, out var value))
        {
            throw new FormatException($"getblocktemplate answer lacks '{name}'");
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : throw new FormatException($"getblocktemplate field '{name}' is not an integer");
    }

    private static byte[]? OptionalHex(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0
            ? ParseHex(value.GetString()!, name)
            : null;

    private static byte[] ParseHash(string hex, string name)
    {
        var bytes = ParseHex(hex, name);
        if (bytes.Length != 32)
        {
            throw new FormatException($"getblocktemplate field '{name}' is {bytes.Length} bytes, not a 32-byte hash");
        }

        Array.Reverse(bytes);
        return bytes;
    }

    private static byte[] ParseHex(string hex, string name)
    {
        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            throw new FormatException($"getblocktemplate field '{name}' is not hex");
        }
    }
}
