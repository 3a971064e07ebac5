namespace Pool.Host.Stats;

/// <summary>Hashrates in hashes per second over the last 10 minutes, hour and 24 hours.</summary>
public sealed record HashrateStats(double TenMinutes, double OneHour, double OneDay);
