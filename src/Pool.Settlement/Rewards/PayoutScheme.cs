namespace Pool.Settlement.Rewards;

/// <summary>How a block's reward is shared among miners.</summary>
public enum PayoutScheme
{
    /// <summary>Pay per last N shares: by the round's frozen window of the last N × network difficulty of credited work (default).</summary>
    Pplns,

    /// <summary>Proportional: by credited work over the whole round.</summary>
    Prop,

    /// <summary>The miner who found the block gets all of it (after the pool fee).</summary>
    Solo,
}
