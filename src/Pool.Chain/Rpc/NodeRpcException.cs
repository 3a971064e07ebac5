namespace Pool.Chain.Rpc;

/// <summary>A failed call to the coin node, with the kind of failure and the node's RPC error code when it sent one.</summary>
public sealed class NodeRpcException : Exception
{
    public NodeRpcException(NodeRpcFailure failure, string method, string message, int? rpcCode = null, Exception? innerException = null)
        : base($"{method}: {message}", innerException)
    {
        Failure = failure;
        Method = method;
        RpcCode = rpcCode;
    }

    public NodeRpcException()
    {
        Method = string.Empty;
    }

    public NodeRpcException(string message)
        : base(message)
    {
        Method = string.Empty;
    }

    public NodeRpcException(string message, Exception innerException)
        : base(message, innerException)
    {
        Method = string.Empty;
    }

    /// <summary>What went wrong.</summary>
    public NodeRpcFailure Failure { get; }

    /// <summary>The RPC method that failed.</summary>
    public string Method { get; }

    /// <summary>The node's JSON-RPC error code, when it answered with one.</summary>
    public int? RpcCode { get; }

    /// <summary>True when trying again later can succeed without anyone changing anything.</summary>
    public bool IsTransient => Failure is NodeRpcFailure.Unreachable or NodeRpcFailure.Timeout or NodeRpcFailure.WarmingUp
        or NodeRpcFailure.InitialBlockDownload or NodeRpcFailure.NotConnected or NodeRpcFailure.HttpError;
}
