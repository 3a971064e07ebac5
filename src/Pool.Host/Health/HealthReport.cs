namespace Pool.Host.Health;

/// <summary>The outcome of the readiness checks.</summary>
/// <param name="Ready">True when every check passed.</param>
/// <param name="Checks">Each check with what it found.</param>
public sealed record HealthReport(bool Ready, IReadOnlyList<HealthCheckResult> Checks);

/// <summary>One readiness check.</summary>
/// <param name="Name">What was checked: node, template or ledger.</param>
/// <param name="Ok">Whether it passed.</param>
/// <param name="Detail">What it found, for a person.</param>
public sealed record HealthCheckResult(string Name, bool Ok, string Detail);
