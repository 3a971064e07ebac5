namespace Pool.Stratum.Server;

/// <summary>Why a served connection closed; the first reason recorded wins.</summary>
public enum ConnectionCloseReason
{
    /// <summary>The miner hung up (or the network dropped it).</summary>
    ClientClosed,

    /// <summary>The server is stopping.</summary>
    ServerStopping,

    /// <summary>It did not subscribe within the subscribe timeout.</summary>
    SubscribeTimeout,

    /// <summary>Its address was banned.</summary>
    Banned,

    /// <summary>It did not read what the server sent (outbound queue full).</summary>
    SlowReader,

    /// <summary>It sent a line longer than the limit.</summary>
    LineTooLong,

    /// <summary>Serving it failed unexpectedly.</summary>
    Failed,
}
