namespace Pool.Stratum.Protocol;

/// <summary>Method names and other protocol strings of Stratum V1 and BIP310, as UTF-8 and as text.</summary>
public static class StratumMethodNames
{
    public const string Subscribe = "mining.subscribe";
    public const string Authorize = "mining.authorize";
    public const string Submit = "mining.submit";
    public const string Configure = "mining.configure";
    public const string ExtranonceSubscribe = "mining.extranonce.subscribe";
    public const string SuggestDifficulty = "mining.suggest_difficulty";
    public const string Notify = "mining.notify";
    public const string SetDifficulty = "mining.set_difficulty";
    public const string SetVersionMask = "mining.set_version_mask";
    public const string SetExtranonce = "mining.set_extranonce";
    public const string Reconnect = "client.reconnect";
    public const string ShowMessage = "client.show_message";

    public const string VersionRolling = "version-rolling";
    public const string VersionRollingMask = "version-rolling.mask";
    public const string VersionRollingMinBitCount = "version-rolling.min-bit-count";
    public const string MinimumDifficulty = "minimum-difficulty";
    public const string MinimumDifficultyValue = "minimum-difficulty.value";
    public const string SubscribeExtranonce = "subscribe-extranonce";

    public static ReadOnlySpan<byte> SubscribeUtf8 => "mining.subscribe"u8;
    public static ReadOnlySpan<byte> AuthorizeUtf8 => "mining.authorize"u8;
    public static ReadOnlySpan<byte> SubmitUtf8 => "mining.submit"u8;
    public static ReadOnlySpan<byte> ConfigureUtf8 => "mining.configure"u8;
    public static ReadOnlySpan<byte> ExtranonceSubscribeUtf8 => "mining.extranonce.subscribe"u8;
    public static ReadOnlySpan<byte> SuggestDifficultyUtf8 => "mining.suggest_difficulty"u8;

    /// <summary>Maps a method name to the method, <see cref="StratumMethod.Unknown"/> when not one of ours.</summary>
    public static StratumMethod Parse(ReadOnlySpan<byte> name)
    {
        if (name.SequenceEqual(SubmitUtf8)) return StratumMethod.Submit;
        if (name.SequenceEqual(SubscribeUtf8)) return StratumMethod.Subscribe;
        if (name.SequenceEqual(AuthorizeUtf8)) return StratumMethod.Authorize;
        if (name.SequenceEqual(ConfigureUtf8)) return StratumMethod.Configure;
        if (name.SequenceEqual(ExtranonceSubscribeUtf8)) return StratumMethod.ExtranonceSubscribe;
        if (name.SequenceEqual(SuggestDifficultyUtf8)) return StratumMethod.SuggestDifficulty;
        return StratumMethod.Unknown;
    }
}
