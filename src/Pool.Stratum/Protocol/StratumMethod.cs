namespace Pool.Stratum.Protocol;

/// <summary>The request methods the server understands.</summary>
public enum StratumMethod
{
    /// <summary>A method the server does not know (answered with error 20).</summary>
    Unknown,
    Subscribe,
    Authorize,
    Submit,
    Configure,
    ExtranonceSubscribe,
    SuggestDifficulty,
}
