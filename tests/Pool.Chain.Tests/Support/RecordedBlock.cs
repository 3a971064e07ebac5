using System.Text.Json;

namespace Pool.Chain.Tests.Support;

/// <summary>A block a real node accepted, with the template and share it was built from (files under data/).</summary>
public sealed class RecordedBlock
{
    public static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public string Coin { get; set; } = string.Empty;

    public string Network { get; set; } = string.Empty;

    public string PoolAddress { get; set; } = string.Empty;

    public string PoolTag { get; set; } = string.Empty;

    public string Extranonce1 { get; set; } = string.Empty;

    public string Extranonce2 { get; set; } = string.Empty;

    public uint Time { get; set; }

    public uint Nonce { get; set; }

    public uint Version { get; set; }

    public string BlockHash { get; set; } = string.Empty;

    public string BlockHex { get; set; } = string.Empty;

    public JsonElement Template { get; set; }

    /// <summary>Loads a recording from tests/Pool.Chain.Tests/data.</summary>
    public static RecordedBlock Load(string fileName)
    {
        var path = Path.Combine(TestContext.CurrentContext.TestDirectory, "data", fileName);
        return JsonSerializer.Deserialize<RecordedBlock>(File.ReadAllText(path), JsonOptions)!;
    }
}
