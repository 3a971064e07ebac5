namespace Pool.Chain.Rpc;

/// <summary>Why a call to the coin node failed.</summary>
public enum NodeRpcFailure
{
    /// <summary>No connection could be made (node down, wrong port, refused).</summary>
    Unreachable,

    /// <summary>The node did not answer in time.</summary>
    Timeout,

    /// <summary>The node refused the credentials (HTTP 401/403).</summary>
    Unauthorized,

    /// <summary>The node is still starting (RPC error -28).</summary>
    WarmingUp,

    /// <summary>The node is in initial block download and will not serve templates yet (RPC error -10).</summary>
    InitialBlockDownload,

    /// <summary>The node has no peers and will not serve templates (RPC error -9).</summary>
    NotConnected,

    /// <summary>The node rejected the getblocktemplate rules asked for.</summary>
    RulesRejected,

    /// <summary>The node answered with a JSON-RPC error not covered above; see the code.</summary>
    RpcError,

    /// <summary>The answer was not the JSON-RPC the node speaks (garbage, truncated, wrong shape).</summary>
    MalformedResponse,

    /// <summary>An HTTP error status without a JSON-RPC body.</summary>
    HttpError,
}
