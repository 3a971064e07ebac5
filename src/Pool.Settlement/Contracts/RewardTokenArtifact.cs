using System.Text.Json;

namespace Pool.Settlement.Contracts;

/// <summary>The compiled reward token (ABI and creation bytecode) embedded in this assembly from RewardToken.json.</summary>
public sealed class RewardTokenArtifact
{
    private const string ResourceName = "Pool.Settlement.RewardToken.json";

    private static readonly Lazy<RewardTokenArtifact> LoadedArtifact = new(Load);

    private RewardTokenArtifact(string abi, string bytecode, string compiler)
    {
        Abi = abi;
        Bytecode = bytecode;
        Compiler = compiler;
    }

    /// <summary>The artifact shipped with this build.</summary>
    public static RewardTokenArtifact Current => LoadedArtifact.Value;

    /// <summary>Contract ABI as JSON.</summary>
    public string Abi { get; }

    /// <summary>Creation bytecode, 0x-prefixed hex.</summary>
    public string Bytecode { get; }

    /// <summary>Compiler that produced it, e.g. "solc 0.8.30+commit…".</summary>
    public string Compiler { get; }

    /// <summary>The raw embedded file, byte for byte.</summary>
    public static byte[] ReadEmbeddedBytes()
    {
        using var stream = typeof(RewardTokenArtifact).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing from the build");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static RewardTokenArtifact Load()
    {
        using var document = JsonDocument.Parse(ReadEmbeddedBytes());
        var root = document.RootElement;
        return new RewardTokenArtifact(
            root.GetProperty("abi").GetRawText(),
            root.GetProperty("bytecode").GetString()!,
            root.GetProperty("compiler").GetString()!);
    }
}
