namespace Pool.Testing;

/// <summary>A share as a miner submits it.</summary>
public sealed record FoundShare(string JobId, string Extranonce2, string Time, string Nonce, string VersionBits, bool IsBlock, byte[] BlockHash)
{
    public string SubmitParams(string worker, bool withVersion = false) => withVersion
        ? $"[\"{worker}\",\"{JobId}\",\"{Extranonce2}\",\"{Time}\",\"{Nonce}\",\"{VersionBits}\"]"
        : $"[\"{worker}\",\"{JobId}\",\"{Extranonce2}\",\"{Time}\",\"{Nonce}\"]";

    public string BlockHashDisplayHex => Convert.ToHexStringLower(BlockHash.Reverse().ToArray());
}
