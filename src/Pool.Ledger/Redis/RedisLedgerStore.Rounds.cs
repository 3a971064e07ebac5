using System.Globalization;
using Pool.Core.Mining;
using StackExchange.Redis;

namespace Pool.Ledger.Redis;

/// <summary>Reading closed rounds, moving them out of pending, and trimming shares past retention.</summary>
public sealed partial class RedisLedgerStore
{
    private const string StatusPending = "pending";
    private const string StatusConfirmed = "confirmed";
    private const string StatusOrphaned = "orphaned";

    /// <summary>Closed rounds in the order they were closed, each with its frozen window (frozen now when it was not yet).</summary>
    public async Task<IReadOnlyList<ClosedRound>> GetClosedRoundsAsync(string poolId)
    {
        var numbers = (await _database.SortedSetRangeByRankAsync(Keys.ClosedRounds).ConfigureAwait(false)).Select(v => (long)v).ToList();
        var rounds = new List<ClosedRound>(numbers.Count);
        foreach (var round in numbers)
        {
            var meta = await ReadMetaAsync(round).ConfigureAwait(false);
            if (!meta.ContainsKey("root"))
            {
                await FreezeWindowAsync(round).ConfigureAwait(false);
                meta = await ReadMetaAsync(round).ConfigureAwait(false);
            }

            var scores = _database.HashGetAllAsync(Keys.RoundScores(round));
            var pplns = _database.HashGetAllAsync(Keys.RoundPplns(round));
            rounds.Add(new ClosedRound(
                poolId + ":" + round.ToString(CultureInfo.InvariantCulture),
                ToBlock(meta),
                ParseStatus(meta["status"]),
                ToScores(await pplns.ConfigureAwait(false)),
                ToScores(await scores.ConfigureAwait(false)),
                meta["root"]));
        }

        return rounds;
    }

    /// <summary>Pending rounds and their block hashes.</summary>
    public async Task<IReadOnlyList<(long Round, string BlockHash)>> GetPendingRoundsAsync()
    {
        var pending = new List<(long, string)>();
        foreach (var value in await _database.SetMembersAsync(Keys.PendingRounds).ConfigureAwait(false))
        {
            var round = (long)value;
            var hash = await _database.HashGetAsync(Keys.Round(round), "hash").ConfigureAwait(false);
            if (!hash.IsNull)
            {
                pending.Add((round, (string)hash!));
            }
        }

        return pending.OrderBy(p => p.Item1).ToList();
    }

    /// <summary>Moves a pending round to confirmed or orphaned; false when it was not pending.</summary>
    public async Task<bool> SettleStatusAsync(long round, RoundStatus status, long confirmations, DateTimeOffset now)
    {
        if (status == RoundStatus.Pending)
        {
            throw new ArgumentException("a round can only settle to confirmed or orphaned", nameof(status));
        }

        var text = status == RoundStatus.Confirmed ? StatusConfirmed : StatusOrphaned;
        var changed = await _database.ScriptEvaluateAsync(
            LedgerScripts.SettleStatus,
            [Keys.Round(round), Keys.PendingRounds],
            [round, text, confirmations, now.ToUnixTimeMilliseconds()]).ConfigureAwait(false);
        return (long)changed == 1;
    }

    /// <summary>
    /// Trims stream entries older than <paramref name="retention"/>, never past the open round's start nor a pending round's
    /// window; returns the number of entries removed.
    /// </summary>
    public async Task<long> TrimAsync(TimeSpan retention, DateTimeOffset now)
    {
        var keep = StreamId.FromTime(now - retention);
        var current = await GetCurrentRoundAsync().ConfigureAwait(false);
        var start = await _database.HashGetAsync(Keys.Round(current), "startId").ConfigureAwait(false);
        keep = StreamId.Min(keep, start.IsNull ? StreamId.Zero : StreamId.Parse(start!));
        foreach (var (round, _) in await GetPendingRoundsAsync().ConfigureAwait(false))
        {
            var windowStart = await _database.HashGetAsync(Keys.Round(round), "windowStartId").ConfigureAwait(false);
            keep = StreamId.Min(keep, windowStart.IsNull ? StreamId.Zero : StreamId.Parse(windowStart!));
        }

        if (keep == StreamId.Zero)
        {
            return 0;
        }

        var removed = await _database.ExecuteAsync("XTRIM", Keys.Shares, "MINID", keep.ToString()).ConfigureAwait(false);
        return (long)removed;
    }

    private async Task<Dictionary<string, string>> ReadMetaAsync(long round) =>
        (await _database.HashGetAllAsync(Keys.Round(round)).ConfigureAwait(false)).ToDictionary(e => (string)e.Name!, e => (string)e.Value!, StringComparer.Ordinal);

    private static FoundBlock ToBlock(Dictionary<string, string> meta) => new(
        meta["hash"],
        long.Parse(meta["height"], CultureInfo.InvariantCulture),
        long.Parse(meta["reward"], CultureInfo.InvariantCulture),
        meta["finder"],
        meta["worker"],
        double.Parse(meta["networkDifficulty"], CultureInfo.InvariantCulture),
        DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(meta["foundMs"], CultureInfo.InvariantCulture)),
        meta["instance"],
        meta["shareId"]);

    private static RoundStatus ParseStatus(string status) => status switch
    {
        StatusPending => RoundStatus.Pending,
        StatusConfirmed => RoundStatus.Confirmed,
        StatusOrphaned => RoundStatus.Orphaned,
        _ => throw new InvalidOperationException($"round status '{status}' is not one the ledger writes"),
    };
}
