namespace Pool.Stratum.Options;

/// <summary>When an IP address is banned for sending invalid shares, and for how long.</summary>
public sealed class BanOptions
{
    /// <summary>False never bans.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Shares an address must have submitted before its ratio is judged.</summary>
    public int MinimumShares { get; set; } = 20;

    /// <summary>Fraction of invalid shares (0-1) at or above which the address is banned.</summary>
    public double InvalidShareRatio { get; set; } = 0.5;

    /// <summary>How long a ban lasts.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Problems with these settings, each saying what to fix; empty when valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (MinimumShares < 1)
        {
            yield return $"Bans.MinimumShares ({MinimumShares}) must be at least 1";
        }

        if (!double.IsFinite(InvalidShareRatio) || InvalidShareRatio <= 0 || InvalidShareRatio > 1)
        {
            yield return $"Bans.InvalidShareRatio ({InvalidShareRatio}) must be above 0 and at most 1 (e.g. 0.5)";
        }

        if (Duration <= TimeSpan.Zero)
        {
            yield return "Bans.Duration must be positive (e.g. 00:10:00)";
        }
    }
}
