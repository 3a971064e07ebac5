using System.Text;
using System.Text.Json;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Util;
using Pool.Settlement.Contracts;

namespace Pool.Settlement.Chain;

/// <summary>Names the custom error in a revert's data, using the error entries of the token's ABI.</summary>
public static class RevertDecoder
{
    private static readonly Lazy<Dictionary<string, string>> ErrorsBySelector = new(BuildSelectors);

    /// <summary>The error name and raw data, e.g. "SettlementAlreadyUsed (0x…)"; the raw data alone when unknown.</summary>
    public static (string? Name, string Description) Describe(string? revertData)
    {
        if (string.IsNullOrEmpty(revertData) || revertData.Length < 10)
        {
            return (null, "no revert data");
        }

        var selector = revertData[..10].ToLowerInvariant();
        return ErrorsBySelector.Value.TryGetValue(selector, out var signature)
            ? (signature[..signature.IndexOf('(', StringComparison.Ordinal)], $"{signature} [{revertData}]")
            : (null, revertData);
    }

    private static Dictionary<string, string> BuildSelectors()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        using var abi = JsonDocument.Parse(RewardTokenArtifact.Current.Abi);
        foreach (var entry in abi.RootElement.EnumerateArray())
        {
            if (entry.GetProperty("type").GetString() != "error")
            {
                continue;
            }

            var types = string.Join(',', entry.GetProperty("inputs").EnumerateArray().Select(i => i.GetProperty("type").GetString()));
            var signature = $"{entry.GetProperty("name").GetString()}({types})";
            var selector = Sha3Keccack.Current.CalculateHash(Encoding.ASCII.GetBytes(signature)).AsSpan(0, 4).ToArray().ToHex(true);
            result[selector] = signature;
        }

        return result;
    }
}
