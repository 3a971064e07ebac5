namespace Pool.Chain.Rpc;

/// <summary>JSON-RPC error codes of Bitcoin Core and its forks that the pool reacts to.</summary>
public static class RpcErrorCodes
{
    public const int MiscError = -1;
    public const int InvalidAddressOrKey = -5;
    public const int InvalidParameter = -8;
    public const int ClientNotConnected = -9;
    public const int ClientInInitialDownload = -10;
    public const int DeserializationError = -22;
    public const int VerifyError = -25;
    public const int InWarmup = -28;
    public const int MethodNotFound = -32601;
}
