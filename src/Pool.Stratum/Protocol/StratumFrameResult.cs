namespace Pool.Stratum.Protocol;

/// <summary>Outcome of looking for one line in received bytes.</summary>
public enum StratumFrameResult
{
    /// <summary>No complete line yet; read more.</summary>
    Incomplete,

    /// <summary>A complete line was found.</summary>
    Message,

    /// <summary>The line is longer than allowed; the connection must close.</summary>
    TooLong,
}
