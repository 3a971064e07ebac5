using System.Globalization;
using Pool.Ledger.Records;
using StackExchange.Redis;

namespace Pool.Ledger.Redis;

/// <summary>
/// Freezing a closed round's PPLNS window: walking the share stream back from the round's last page (pages never change)
/// until N × network difficulty of credited work is covered; the share that crosses the boundary counts whole.
/// </summary>
public sealed partial class RedisLedgerStore
{
    // Stream entries per read; each entry is a page of up to BatchSize shares.
    private const int WindowPage = 64;

    /// <summary>Computes and stores round <paramref name="round"/>'s window unless it is frozen already; false when it was.</summary>
    public async Task<bool> FreezeWindowAsync(long round)
    {
        var meta = (await _database.HashGetAllAsync(Keys.Round(round)).ConfigureAwait(false)).ToDictionary(e => (string)e.Name!, e => (string)e.Value!, StringComparer.Ordinal);
        if (meta.ContainsKey("root") || !meta.TryGetValue("endId", out var endId) || !meta.TryGetValue("windowWork", out var windowText))
        {
            return false;
        }

        var windowWork = double.Parse(windowText, CultureInfo.InvariantCulture);
        var window = new List<(string Miner, double Difficulty, byte[] Leaf, RedisValue Id)>();
        var covered = 0.0;
        RedisValue from = endId;
        while (covered < windowWork && endId != "0-0")
        {
            var page = await _database.StreamRangeAsync(Keys.Shares, "-", from, WindowPage, Order.Descending).ConfigureAwait(false);
            foreach (var entry in page)
            {
                var bytes = (byte[]?)entry[SharePage.RecordsField];
                if (bytes is null)
                {
                    continue;
                }

                var records = SharePage.Split(bytes);
                for (var r = records.Count - 1; r >= 0 && covered < windowWork; r--)
                {
                    var record = bytes.AsSpan()[records[r]];
                    if (!ShareRecord.TryParse(record, out var fields))
                    {
                        continue;
                    }

                    window.Add((System.Text.Encoding.UTF8.GetString(record[fields.Miner]), fields.Difficulty, SharesRoot.Leaf(record), entry.Id));
                    covered += fields.Difficulty;
                }

                if (covered >= windowWork)
                {
                    break;
                }
            }

            if (page.Length < WindowPage)
            {
                break;
            }

            from = "(" + page[^1].Id;
        }

        // Collected newest first; the window, its scores and its root go oldest first.
        window.Reverse();
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        var credited = 0.0;
        foreach (var (miner, difficulty, _, _) in window)
        {
            scores[miner] = scores.GetValueOrDefault(miner) + difficulty;
            credited += difficulty;
        }

        var root = SharesRoot.FromLeaves(window.Select(s => s.Leaf).ToList());
        var arguments = new List<RedisValue>
        {
            window.Count == 0 ? endId : window[0].Id,
            root,
            window.Count,
            Format(credited),
        };
        foreach (var (miner, score) in scores)
        {
            arguments.Add(miner);
            arguments.Add(Format(score));
        }

        var written = await _database.ScriptEvaluateAsync(LedgerScripts.FreezeWindow, [Keys.Round(round), Keys.RoundPplns(round)], [.. arguments]).ConfigureAwait(false);
        return (long)written == 1;
    }
}
