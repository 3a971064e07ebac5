namespace Pool.Stratum.Protocol;

/// <summary>The JSON type of a request id, so the answer echoes it unchanged.</summary>
public enum RequestIdKind
{
    Null,
    Number,
    String,
}
