namespace Pool.Host.Metrics;

/// <summary>Chooses the miners that get their own hashrate series, which bounds the metric's label cardinality.</summary>
public static class MinerRanking
{
    /// <summary>The <paramref name="count"/> fastest miners, fastest first; equal rates in address order so the choice is stable.</summary>
    public static IReadOnlyList<KeyValuePair<string, double>> Top(IReadOnlyDictionary<string, double> rates, int count) =>
        count <= 0 ? [] : rates.OrderByDescending(m => m.Value).ThenBy(m => m.Key, StringComparer.Ordinal).Take(count).ToList();
}
