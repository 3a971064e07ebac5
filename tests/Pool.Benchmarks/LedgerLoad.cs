using System.Diagnostics;
using System.Globalization;
using Pool.Core.Mining;
using Pool.Ledger;

namespace Pool.Benchmarks;

/// <summary>Drives a ledger with shares: as fast as possible, or paced like a steady stream of miners.</summary>
internal static class LedgerLoad
{
    private const int Miners = 50;

    public static AcceptedShare[] MakeShares(int count, string prefix) =>
        Enumerable.Range(0, count)
            .Select(i => new AcceptedShare(
                prefix + i.ToString("x60", CultureInfo.InvariantCulture),
                "ltc1qminer" + (i % Miners).ToString(CultureInfo.InvariantCulture),
                "rig" + (i % 4).ToString(CultureInfo.InvariantCulture),
                65536,
                70000,
                2.5e7,
                "1a2b",
                3_000_000,
                DateTimeOffset.UtcNow,
                "bench1",
                false))
            .ToArray();

    /// <summary>All shares through <paramref name="writers"/> concurrent writers; the rate counts until Redis holds them all.</summary>
    public static async Task<LedgerFigures> SaturateAsync(RedisShareLedger ledger, AcceptedShare[] shares, int writers)
    {
        var started = Stopwatch.GetTimestamp();
        var latencies = await RecordAllAsync(ledger, shares, writers, pauseBetweenShares: false);
        await ledger.FlushAsync();
        return Figures(latencies, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>Each writer records one share, then waits about a millisecond, like many miners each submitting now and then.</summary>
    public static async Task<LedgerFigures> PacedAsync(RedisShareLedger ledger, AcceptedShare[] shares, int writers)
    {
        var started = Stopwatch.GetTimestamp();
        var latencies = await RecordAllAsync(ledger, shares, writers, pauseBetweenShares: true);
        var elapsed = Stopwatch.GetElapsedTime(started);
        await ledger.FlushAsync();
        return Figures(latencies, elapsed);
    }

    // Writers take the next share in turn; each RecordAsync's latency is kept, in Stopwatch ticks, by share index.
    private static async Task<long[]> RecordAllAsync(RedisShareLedger ledger, AcceptedShare[] shares, int writers, bool pauseBetweenShares)
    {
        var latencies = new long[shares.Length];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < shares.Length)
            {
                var before = Stopwatch.GetTimestamp();
                await ledger.RecordAsync(shares[i]);
                latencies[i] = Stopwatch.GetTimestamp() - before;
                if (pauseBetweenShares)
                {
                    await Task.Delay(1);
                }
            }
        })));
        return latencies;
    }

    private static LedgerFigures Figures(long[] latencies, TimeSpan elapsed)
    {
        Array.Sort(latencies);
        return new LedgerFigures(
            latencies.Length / elapsed.TotalSeconds,
            Stopwatch.GetElapsedTime(0, latencies[latencies.Length / 2]).TotalMilliseconds,
            Stopwatch.GetElapsedTime(0, latencies[(int)(latencies.Length * 0.99)]).TotalMilliseconds);
    }
}
