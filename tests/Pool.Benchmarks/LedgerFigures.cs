namespace Pool.Benchmarks;

/// <summary>What one ledger run measured.</summary>
internal readonly record struct LedgerFigures(double SharesPerSecond, double P50Ms, double P99Ms);
