namespace Pool.Ledger.Hashrate;

/// <summary>Average hashrates in hashes per second over the last 10 minutes, hour and day.</summary>
/// <param name="TenMinutes">Over the last 10 minutes.</param>
/// <param name="OneHour">Over the last hour.</param>
/// <param name="OneDay">Over the last 24 hours.</param>
public readonly record struct HashrateFigures(double TenMinutes, double OneHour, double OneDay);
