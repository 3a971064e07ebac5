namespace Pool.Stratum.Options;

/// <summary>Variable difficulty: how often a connection should find a share and how fast its difficulty may move.</summary>
public sealed class VardiffOptions
{
    /// <summary>False keeps every connection at its starting difficulty.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Time a miner should take per share.</summary>
    public TimeSpan TargetShareInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Shortest time between two retargets, unless a flood of shares proves the difficulty far too low.</summary>
    public TimeSpan RetargetInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Time without any share after which the difficulty is lowered.</summary>
    public TimeSpan IdleRetargetInterval { get; set; } = TimeSpan.FromSeconds(180);

    /// <summary>Lowest difficulty vardiff assigns.</summary>
    public double MinDifficulty { get; set; } = 1e-9;

    /// <summary>Highest difficulty vardiff assigns.</summary>
    public double MaxDifficulty { get; set; } = 1e15;

    /// <summary>Largest factor one retarget may multiply or divide the difficulty by.</summary>
    public double MaxStepFactor { get; set; } = 64;

    /// <summary>Relative deviation of the measured share interval tolerated without a retarget (0.3 = ±30 %).</summary>
    public double Tolerance { get; set; } = 0.3;

    /// <summary>Problems with these settings, each saying what to fix; empty when valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (TargetShareInterval <= TimeSpan.Zero)
        {
            yield return "Vardiff.TargetShareInterval must be positive (e.g. 00:00:10)";
        }

        if (RetargetInterval <= TimeSpan.Zero || IdleRetargetInterval < RetargetInterval)
        {
            yield return "Vardiff.RetargetInterval must be positive and Vardiff.IdleRetargetInterval at least as long";
        }

        if (!double.IsFinite(MinDifficulty) || MinDifficulty <= 0 || !double.IsFinite(MaxDifficulty) || MaxDifficulty < MinDifficulty)
        {
            yield return $"Vardiff.MinDifficulty ({MinDifficulty}) must be positive and not above Vardiff.MaxDifficulty ({MaxDifficulty})";
        }

        if (!double.IsFinite(MaxStepFactor) || MaxStepFactor <= 1)
        {
            yield return $"Vardiff.MaxStepFactor ({MaxStepFactor}) must be greater than 1 (e.g. 16)";
        }

        if (!double.IsFinite(Tolerance) || Tolerance <= 0 || Tolerance >= 1)
        {
            yield return $"Vardiff.Tolerance ({Tolerance}) must be between 0 and 1 (e.g. 0.3)";
        }
    }
}
