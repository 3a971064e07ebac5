namespace Pool.Ledger;

/// <summary>Width of a hashrate bucket.</summary>
public enum HashrateBucketSize
{
    /// <summary>60 seconds; kept two hours; serves the 10-minute and 1-hour figures.</summary>
    Minute,

    /// <summary>3600 seconds; kept 26 hours; serves the 24-hour figure.</summary>
    Hour,
}
