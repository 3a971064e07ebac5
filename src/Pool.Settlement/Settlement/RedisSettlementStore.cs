using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using StackExchange.Redis;

namespace Pool.Settlement.Settlement;

/// <summary>
/// Settlement state in Redis under <c>{prefix}settlement:</c>: which rounds are done, miners' carried balances, plans,
/// chunks and their transactions, and the run lock. A plan is committed in one MULTI/EXEC (round marked, balances
/// debited, chunks created) so a round is never credited twice.
/// </summary>
public sealed partial class RedisSettlementStore
{
    /// <summary>Round status value for an orphaned round: it pays nothing, ever.</summary>
    public const string OrphanedMark = "orphaned";

    /// <summary>Round status value for a round whose plan was committed.</summary>
    public const string PlannedMark = "planned";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly IDatabase _database;
    private readonly string _prefix;

    public RedisSettlementStore(IDatabase database, string keyPrefix)
    {
        _database = database;
        _prefix = keyPrefix + "settlement:";
    }

    private RedisKey RoundsKey => _prefix + "rounds";

    private RedisKey BalancesKey => _prefix + "balances";

    private RedisKey OpenKey => _prefix + "open";

    private RedisKey AllChunksKey => _prefix + "chunks";

    private RedisKey SequenceKey => _prefix + "sequence";

    private RedisKey LockKey => _prefix + "lock";

    /// <summary>Round id → <see cref="PlannedMark"/> or <see cref="OrphanedMark"/>, for every round already handled.</summary>
    public async Task<IReadOnlyDictionary<string, string>> GetHandledRoundsAsync()
    {
        var entries = await _database.HashGetAllAsync(RoundsKey);
        return entries.ToDictionary(e => e.Name.ToString(), e => e.Value.ToString(), StringComparer.Ordinal);
    }

    /// <summary>Records that a round was orphaned; returns false if it was already handled.</summary>
    public Task<bool> MarkOrphanedAsync(string roundId) => _database.HashSetAsync(RoundsKey, roundId, OrphanedMark, When.NotExists);

    /// <summary>Carried balances: miner → base units owed and not yet minted.</summary>
    public async Task<IReadOnlyDictionary<string, long>> GetBalancesAsync()
    {
        var entries = await _database.HashGetAllAsync(BalancesKey);
        return entries.ToDictionary(e => e.Name.ToString(), e => (long)e.Value, StringComparer.Ordinal);
    }

    /// <summary>Reserves the next chunk sequence numbers.</summary>
    public async Task<long> ReserveSequenceAsync(int count) => await _database.StringIncrementAsync(SequenceKey, count) - count + 1;

    /// <summary>
    /// Commits a plan atomically: marks the round planned, sets every touched miner's balance, stores the plan and its
    /// chunks as open. Fails (returns false) without writing anything if the round was handled or a balance changed meanwhile.
    /// </summary>
    public async Task<bool> CommitPlanAsync(SettlementPlanRecord plan, IReadOnlyDictionary<string, long> balancesBefore, IReadOnlyList<SettlementChunk> chunks)
    {
        var transaction = _database.CreateTransaction();
        transaction.AddCondition(Condition.HashNotExists(RoundsKey, plan.RoundId));
        foreach (var (miner, after) in plan.Plan.BalancesAfter)
        {
            var before = balancesBefore.GetValueOrDefault(miner);
            transaction.AddCondition(before == 0 ? Condition.HashNotExists(BalancesKey, miner) : Condition.HashEqual(BalancesKey, miner, before));
            _ = after == 0 ? transaction.HashDeleteAsync(BalancesKey, miner) : transaction.HashSetAsync(BalancesKey, miner, after);
        }

        _ = transaction.HashSetAsync(RoundsKey, plan.RoundId, PlannedMark);
        _ = transaction.StringSetAsync(PlanKey(plan.RoundId), JsonSerializer.Serialize(plan, Json));
        foreach (var chunk in chunks)
        {
            _ = transaction.StringSetAsync(ChunkKey(chunk.Id), JsonSerializer.Serialize(chunk, Json));
            _ = transaction.SortedSetAddAsync(OpenKey, chunk.Id, chunk.Sequence);
            _ = transaction.SortedSetAddAsync(AllChunksKey, chunk.Id, chunk.Sequence);
        }

        return await transaction.ExecuteAsync();
    }

    /// <summary>Chunks not yet final, in the order they were planned.</summary>
    public async Task<IReadOnlyList<SettlementChunk>> GetOpenChunksAsync() => await GetChunksAsync(OpenKey);

    /// <summary>Every chunk ever planned, in order.</summary>
    public async Task<IReadOnlyList<SettlementChunk>> GetAllChunksAsync() => await GetChunksAsync(AllChunksKey);

    /// <summary>The stored plan of a round, or null.</summary>
    public async Task<SettlementPlanRecord?> GetPlanAsync(string roundId)
    {
        var value = await _database.StringGetAsync(PlanKey(roundId));
        return value.IsNull ? null : JsonSerializer.Deserialize<SettlementPlanRecord>(value.ToString(), Json);
    }

    /// <summary>Stores a chunk's new state; a final chunk leaves the open set in the same transaction.</summary>
    public async Task SaveChunkAsync(SettlementChunk chunk)
    {
        var transaction = _database.CreateTransaction();
        _ = transaction.StringSetAsync(ChunkKey(chunk.Id), JsonSerializer.Serialize(chunk, Json));
        if (chunk.State == ChunkState.Final)
        {
            _ = transaction.SortedSetRemoveAsync(OpenKey, chunk.Id);
        }

        if (!await transaction.ExecuteAsync())
        {
            throw new InvalidOperationException($"could not store settlement chunk {chunk.Id}");
        }
    }

    private async Task<IReadOnlyList<SettlementChunk>> GetChunksAsync(RedisKey index)
    {
        var ids = await _database.SortedSetRangeByRankAsync(index);
        if (ids.Length == 0)
        {
            return [];
        }

        var values = await _database.StringGetAsync(ids.Select(id => (RedisKey)ChunkKey(id.ToString())).ToArray());
        return values.Select((v, i) => v.IsNull
                ? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"settlement chunk {ids[i]} is listed but its record is missing"))
                : JsonSerializer.Deserialize<SettlementChunk>(v.ToString(), Json)!)
            .ToList();
    }

    private string PlanKey(string roundId) => _prefix + "plan:" + roundId;

    private string ChunkKey(string id) => _prefix + "chunk:" + id;
}
