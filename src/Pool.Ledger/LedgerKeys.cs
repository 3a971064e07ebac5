using System.Globalization;
using StackExchange.Redis;

namespace Pool.Ledger;

/// <summary>
/// Redis key names of one pool. Every key carries the hash tag <c>{pool:ID}</c>, so the whole ledger of a pool lives in one
/// Redis Cluster slot and every Lua script sees all its keys on one node; pools spread over the cluster. See README.md.
/// </summary>
public sealed class LedgerKeys
{
    /// <summary>Creates the key names for <paramref name="poolId"/>.</summary>
    public LedgerKeys(string poolId)
    {
        Prefix = "{pool:" + poolId + "}";
        Shares = Prefix + ":shares";
        Spools = Prefix + ":spools";
        CurrentRound = Prefix + ":round:current";
        Blocks = Prefix + ":blocks";
        ClosedRounds = Prefix + ":rounds:closed";
        PendingRounds = Prefix + ":rounds:pending";
    }

    /// <summary>The hash-tagged prefix, <c>{pool:ID}</c>.</summary>
    public string Prefix { get; }

    /// <summary>Stream of every share, field <c>s</c> = <see cref="Records.ShareRecord"/> text.</summary>
    public RedisKey Shares { get; }

    /// <summary>Hash: spool (instance/epoch) → highest spool sequence applied; what makes replays idempotent.</summary>
    public RedisKey Spools { get; }

    /// <summary>String: number of the open round.</summary>
    public RedisKey CurrentRound { get; }

    /// <summary>Hash: block hash → number of the round it closed.</summary>
    public RedisKey Blocks { get; }

    /// <summary>Sorted set of closed round numbers (score = number).</summary>
    public RedisKey ClosedRounds { get; }

    /// <summary>Set of closed round numbers whose block is still pending.</summary>
    public RedisKey PendingRounds { get; }

    /// <summary>Hash of round <paramref name="round"/>: bounds, block, status, window.</summary>
    public RedisKey Round(long round) => Prefix + ":round:" + round.ToString(CultureInfo.InvariantCulture);

    /// <summary>Hash: miner → credited difficulty over the whole round.</summary>
    public RedisKey RoundScores(long round) => Round(round).Append(":scores");

    /// <summary>Hash: miner → credited difficulty in the round's frozen PPLNS window.</summary>
    public RedisKey RoundPplns(long round) => Round(round).Append(":pplns");

    /// <summary>Hash of one hashrate bucket (minute or hour) starting at <paramref name="bucketStartUnixSeconds"/>.</summary>
    public RedisKey HashrateBucket(HashrateBucketSize size, long bucketStartUnixSeconds) =>
        Prefix + ":hr:" + HashrateBucketSuffix(size, bucketStartUnixSeconds);

    /// <summary>The part of a hashrate bucket key after <c>{pool:ID}:hr:</c>.</summary>
    public static string HashrateBucketSuffix(HashrateBucketSize size, long bucketStartUnixSeconds) =>
        (size == HashrateBucketSize.Minute ? "m:" : "h:") + bucketStartUnixSeconds.ToString(CultureInfo.InvariantCulture);

    /// <summary>Hashrate bucket field of the whole pool.</summary>
    public const string PoolField = "p";

    /// <summary>Hashrate bucket field of a miner.</summary>
    public static string MinerField(string miner) => "m:" + miner;

    /// <summary>Hashrate bucket field of a worker.</summary>
    public static string WorkerField(string miner, string worker) => "w:" + miner + "|" + worker;
}
