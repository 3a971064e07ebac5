using Pool.Core.Mining;

namespace Pool.Ledger.Tests;

/// <summary>Shares and blocks with known fields.</summary>
internal static class TestShares
{
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 30, 30, TimeSpan.Zero);

    public static AcceptedShare Share(string id, string miner, double difficulty, string worker = "rig1", DateTimeOffset? time = null, string instance = "test") =>
        new(id, miner, worker, difficulty, difficulty * 2, 1000, "job1", 100, time ?? Epoch, instance, IsBlockCandidate: false);

    public static FoundBlock Block(string hash, double networkDifficulty, string finder = "minerA", long height = 101) =>
        new(hash, height, 5_000_000_000, finder, "rig1", networkDifficulty, Epoch, "test", "share-" + hash);
}
