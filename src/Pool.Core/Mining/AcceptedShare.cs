namespace Pool.Core.Mining;

/// <summary>A share the pool accepted: a miner's claim on future rewards, as it is recorded in the ledger.</summary>
/// <param name="ShareId">Unique id: the share's header hash in hex, so a replay of the same share is recognised.</param>
/// <param name="Miner">Payout address (coin address) the work is credited to.</param>
/// <param name="Worker">Worker name after the dot in the login, or empty.</param>
/// <param name="Difficulty">Difficulty credited: the connection's difficulty when the share's job was sent.</param>
/// <param name="ActualDifficulty">Difficulty the share's hash actually reached.</param>
/// <param name="NetworkDifficulty">Network difficulty of the share's job.</param>
/// <param name="JobId">Stratum job id.</param>
/// <param name="BlockHeight">Height of the block the job builds.</param>
/// <param name="Time">When the pool accepted the share.</param>
/// <param name="InstanceId">Id of the pool instance that accepted it.</param>
/// <param name="IsBlockCandidate">True when the share also met the network target.</param>
public sealed record AcceptedShare(
    string ShareId,
    string Miner,
    string Worker,
    double Difficulty,
    double ActualDifficulty,
    double NetworkDifficulty,
    string JobId,
    long BlockHeight,
    DateTimeOffset Time,
    string InstanceId,
    bool IsBlockCandidate);
