using System.Text.Json;
using System.Text.Json.Nodes;
using Pool.Chain.Templates;

namespace Pool.Chain.Rpc;

public sealed partial class NodeRpcClient
{
    private const string GetBlockTemplateMethod = "getblocktemplate";
    private const string SubmitBlockMethod = "submitblock";
    private const string GetBestBlockHashMethod = "getbestblockhash";
    private const string GetBlockHeaderMethod = "getblockheader";
    private const string GetConnectionCountMethod = "getconnectioncount";

    /// <summary>
    /// Fetches a template with <paramref name="rules"/>. With a <paramref name="longPollId"/> the node holds the call until
    /// the chain tip or its mempool changed, so it is sent once with <paramref name="longPollTimeout"/> instead of retried.
    /// </summary>
    public async Task<BlockTemplate> GetBlockTemplateAsync(
        IReadOnlyList<string> rules,
        string? longPollId = null,
        TimeSpan? longPollTimeout = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var request = new JsonObject { ["rules"] = new JsonArray([.. rules.Select(r => JsonValue.Create(r))]) };
        if (longPollId is not null)
        {
            request["longpollid"] = longPollId;
        }

        var parameters = new JsonArray(request);
        var result = longPollId is null
            ? await CallAsync(GetBlockTemplateMethod, parameters, cancellationToken).ConfigureAwait(false)
            : await CallOnceAsync(GetBlockTemplateMethod, parameters, longPollTimeout ?? TimeSpan.FromMinutes(5), cancellationToken).ConfigureAwait(false);
        if (!BlockTemplateParser.TryParse(result, out var template, out var error))
        {
            throw new NodeRpcException(NodeRpcFailure.MalformedResponse, GetBlockTemplateMethod, error);
        }

        return template;
    }

    /// <summary>Submits a serialized block; null when the node accepted it, else the node's reason ("duplicate", "high-hash", …).</summary>
    public async Task<string?> SubmitBlockAsync(byte[] block, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(block);
        var result = await CallAsync(SubmitBlockMethod, new JsonArray(Convert.ToHexStringLower(block)), cancellationToken).ConfigureAwait(false);
        return result.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => result.GetString(),
            _ => throw new NodeRpcException(NodeRpcFailure.MalformedResponse, SubmitBlockMethod, $"unexpected answer {result.GetRawText()}"),
        };
    }

    /// <summary>The hash of the node's best block, display order.</summary>
    public async Task<string> GetBestBlockHashAsync(CancellationToken cancellationToken = default)
    {
        var result = await CallAsync(GetBestBlockHashMethod, null, cancellationToken).ConfigureAwait(false);
        return result.ValueKind == JsonValueKind.String && result.GetString() is { Length: 64 } hash
            ? hash
            : throw new NodeRpcException(NodeRpcFailure.MalformedResponse, GetBestBlockHashMethod, $"not a block hash: {result.GetRawText()}");
    }

    /// <summary>
    /// Confirmations of a block: at least 1 on the active chain, -1 when the node knows it off the active chain,
    /// null when the node does not know it.
    /// </summary>
    public async Task<long?> GetBlockConfirmationsAsync(string blockHash, CancellationToken cancellationToken = default)
    {
        JsonElement result;
        try
        {
            result = await CallAsync(GetBlockHeaderMethod, new JsonArray(blockHash, true), cancellationToken).ConfigureAwait(false);
        }
        catch (NodeRpcException e) when (e.RpcCode == RpcErrorCodes.InvalidAddressOrKey)
        {
            return null;
        }

        return result.ValueKind == JsonValueKind.Object
            && result.TryGetProperty("confirmations"u8, out var confirmations)
            && confirmations.TryGetInt64(out var value)
                ? value
                : throw new NodeRpcException(NodeRpcFailure.MalformedResponse, GetBlockHeaderMethod, "the header has no confirmations field");
    }

    /// <summary>Number of peers the node is connected to.</summary>
    public async Task<int> GetConnectionCountAsync(CancellationToken cancellationToken = default)
    {
        var result = await CallAsync(GetConnectionCountMethod, null, cancellationToken).ConfigureAwait(false);
        return result.TryGetInt32(out var count)
            ? count
            : throw new NodeRpcException(NodeRpcFailure.MalformedResponse, GetConnectionCountMethod, $"not a number: {result.GetRawText()}");
    }
}
