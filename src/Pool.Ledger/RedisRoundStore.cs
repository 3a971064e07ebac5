using Pool.Core.Mining;
using Pool.Ledger.Redis;

namespace Pool.Ledger;

/// <summary>Read-only view of one pool's closed rounds in Redis, for readers that do not record shares (settlement, the stats API).</summary>
public sealed class RedisRoundStore : IRoundStore
{
    private readonly RedisLedgerStore _store;
    private readonly string _poolId;

    /// <summary>Reads the closed rounds of <paramref name="poolId"/> through <paramref name="store"/>.</summary>
    public RedisRoundStore(RedisLedgerStore store, string poolId)
    {
        _store = store;
        _poolId = poolId;
    }

    public Task<IReadOnlyList<ClosedRound>> GetClosedRoundsAsync(CancellationToken cancellationToken = default) =>
        _store.GetClosedRoundsAsync(_poolId);
}
