using System.Globalization;
using Pool.Core.Mining;
using Pool.Ledger.Spool;
using StackExchange.Redis;

namespace Pool.Ledger.Redis;

/// <summary>The ledger's Redis commands: batches of shares, round close, frozen windows, status and retention.</summary>
public sealed partial class RedisLedgerStore
{
    private readonly IDatabase _database;
    private readonly ShareBatchBuilder _batch = new();

    /// <summary>Uses <paramref name="connection"/> for the pool <paramref name="poolId"/>.</summary>
    public RedisLedgerStore(IConnectionMultiplexer connection, string poolId, double pplnsWindowFactor)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _database = connection.GetDatabase();
        Keys = new LedgerKeys(poolId);
        PplnsWindowFactor = pplnsWindowFactor;
    }

    /// <summary>The pool's key names.</summary>
    public LedgerKeys Keys { get; }

    /// <summary>N of the PPLNS window.</summary>
    public double PplnsWindowFactor { get; }

    internal IDatabase Database => _database;

    /// <summary>Writes a run of shares in one round trip; <paramref name="spool"/> names the spool they come from.</summary>
    internal async Task<PushResult> PushSharesAsync(string spool, IReadOnlyList<SpoolEntry> shares)
    {
        var arguments = _batch.Build(Keys.Prefix, spool, shares, out _);
        try
        {
            var result = (RedisResult[])(await _database.ScriptEvaluateAsync(
                LedgerScripts.PushShares,
                [Keys.Spools, Keys.Shares, Keys.CurrentRound],
                arguments).ConfigureAwait(false))!;
            return Interpret(result);
        }
        catch
        {
            _batch.AbandonPage();
            throw;
        }
    }

    /// <summary>Closes the current round with <paramref name="block"/>; a replay or a second record of the same block changes nothing.</summary>
    internal async Task<PushResult> CloseRoundAsync(string spool, long sequence, FoundBlock block, DateTimeOffset now)
    {
        RedisValue[] arguments =
        [
            Keys.Prefix, spool, sequence, block.BlockHash, block.Height, block.RewardBaseUnits, block.Finder, block.Worker,
            Format(block.NetworkDifficulty), block.Time.ToUnixTimeMilliseconds(), block.InstanceId, block.ShareId,
            Format(PplnsWindowFactor * block.NetworkDifficulty), now.ToUnixTimeMilliseconds(),
        ];
        var result = (RedisResult[])(await _database.ScriptEvaluateAsync(
            LedgerScripts.CloseRound,
            [Keys.Spools, Keys.Shares, Keys.CurrentRound, Keys.Blocks, Keys.ClosedRounds, Keys.PendingRounds],
            arguments).ConfigureAwait(false))!;
        return Interpret(result);
    }

    /// <summary>The highest sequence Redis holds from <paramref name="spool"/> (0 when none).</summary>
    internal async Task<long> GetAppliedSequenceAsync(string spool)
    {
        var value = await _database.HashGetAsync(Keys.Spools, spool).ConfigureAwait(false);
        return value.IsNull ? 0 : (long)value;
    }

    /// <summary>Number of the open round.</summary>
    public async Task<long> GetCurrentRoundAsync()
    {
        var value = await _database.StringGetAsync(Keys.CurrentRound).ConfigureAwait(false);
        return value.IsNull ? 1 : (long)value;
    }

    /// <summary>Credited difficulty per miner in round <paramref name="round"/> so far (PROP scores).</summary>
    public async Task<IReadOnlyDictionary<string, double>> GetRoundScoresAsync(long round) =>
        ToScores(await _database.HashGetAllAsync(Keys.RoundScores(round)).ConfigureAwait(false));

    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    internal static Dictionary<string, double> ToScores(HashEntry[] entries) =>
        entries.ToDictionary(e => (string)e.Name!, e => double.Parse((string)e.Value!, CultureInfo.InvariantCulture), StringComparer.Ordinal);

    private static PushResult Interpret(RedisResult[] result)
    {
        var code = (long)result[0];
        var value = (long)result[1];
        return code switch
        {
            1 => new PushResult(PushOutcome.Applied, value, (long)result[2]),
            0 => new PushResult(PushOutcome.AlreadyApplied, value),
            -1 => new PushResult(PushOutcome.Overlap, value),
            2 => new PushResult(PushOutcome.BlockKnown, value),
            _ => throw new InvalidOperationException($"ledger script answered an unknown code {code}"),
        };
    }
}
