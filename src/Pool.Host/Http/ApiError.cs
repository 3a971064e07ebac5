namespace Pool.Host.Http;

/// <summary>The body of a 4xx answer of the stats API.</summary>
public sealed record ApiError(string Error);
