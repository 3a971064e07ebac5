using System.Diagnostics;
using System.Numerics;
using Pool.Settlement.Commands;
using Pool.Settlement.Rewards;
using Pool.Settlement.Settlement;
using Pool.Testing;

namespace Pool.Settlement.Tests;

[Category("Integration")]
public class SettleProcessKillTests
{
    // Renewed before each chunk and each receipt poll: long enough that a slow child never loses it between renewals,
    // short enough that waiting for a killed run's lock to expire stays cheap.
    private const int LockTtlSeconds = 10;

    [Test]
    public async Task SettleProcess_SigkilledAfterEachSuccessiveSend_FinalRunPaysEveryMinerExactlyOnce()
    {
        await using var bed = await SettlementTestBed.StartAsync();
        using var temp = new TempDirectory("settle-kill");
        var rounds = new[]
        {
            await bed.AddRoundAsync(625_000_000, SettlementTestBed.Miners(70)),
            await bed.AddRoundAsync(312_500_000, SettlementTestBed.Miners(50)),
        };
        JsonFileRoundStore.Write(temp.Combine("rounds.json"), rounds);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SettleChildProgram.RoundsFileVariable] = temp.Combine("rounds.json"),
            [EnvironmentNames.RpcUrl] = bed.Token.Anvil.RpcUrl.ToString(),
            [EnvironmentNames.TokenAddress] = bed.Token.Token,
            [EnvironmentNames.Redis] = bed.Redis.ConnectionString,
            [EnvironmentNames.FeeAddress] = SettlementTestBed.FeeAddress,
            [EnvironmentNames.PoolId] = bed.Options.PoolId,
            // Twelve chunks: three kills need six sends, and the rest leaves room for sends a loaded machine lets
            // through between a "sent" line and the kill, so the kills still land mid-settlement.
            [EnvironmentNames.ChunkSize] = "10",
            [EnvironmentNames.Confirmations] = "1",
            [EnvironmentNames.LockTtl] = LockTtlSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [EnvironmentNames.SettlerKey] = TokenTestBed.SettlerKey,
        };

        // Kill the k-th run right after its k-th broadcast (as seen in its output), until a run finishes on its own.
        var killsMidSettlement = 0;
        var finished = false;
        for (var run = 1; run <= 12 && !finished; run++)
        {
            await using var child = StartChild(environment);
            finished = await WaitForSendOrExitAsync(child, run);
            if (!finished)
            {
                child.Kill();
                killsMidSettlement++;

                // The killed run never releases its lock; the next run may start only once it expires.
                await Eventually.HoldsAsync(
                    async () => await bed.Store.GetLockOwnerAsync() is null,
                    "the killed run's settlement lock to expire",
                    TimeSpan.FromSeconds(LockTtlSeconds + 60));
            }
            else
            {
                // The child may exit before its last lines have been read from its output.
                await Eventually.HoldsAsync(() => child.Output.Contains("completed:", StringComparison.Ordinal), "the final run to report completion", TimeSpan.FromSeconds(15), () => child.Output);
            }
        }

        Assert.That(finished, Is.True, "no run completed");
        Assert.That(killsMidSettlement, Is.GreaterThanOrEqualTo(3), "the kills must land while settlements were in flight");
        var chunks = await bed.Store.GetAllChunksAsync();
        Assert.That(chunks.Select(c => c.State), Is.All.EqualTo(ChunkState.Final));
        Assert.That(chunks.Select(c => c.Id), Is.Unique);
        foreach (var round in rounds)
        {
            foreach (var (miner, reward) in RewardSplitter.SplitRound(round, PayoutScheme.Pplns, 100).MinerRewards)
            {
                Assert.That(await bed.MinerBalanceAsync(miner), Is.EqualTo(new BigInteger(reward)), miner);
            }
        }

        Assert.That(await bed.TotalSupplyAsync(), Is.EqualTo(new BigInteger(625_000_000 + 312_500_000)));
    }

    private static ServerProcess StartChild(Dictionary<string, string> environment)
    {
        var dll = typeof(SettleChildProgram).Assembly.Location;
        return ServerProcess.Start("dotnet", [dll, SettleChildProgram.SettleVerb], AppContext.BaseDirectory, environment);
    }

    /// <summary>True when the child exited by itself; false once it printed its <paramref name="sends"/>-th "sent 0x" line.</summary>
    private static async Task<bool> WaitForSendOrExitAsync(ServerProcess child, int sends)
    {
        // Covers a cold start of a dotnet child on a loaded machine: runtime start, JIT, connecting and planning before the sends.
        var limit = TimeSpan.FromSeconds(90);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (!child.IsRunning)
            {
                return true;
            }

            var count = child.Output.Split('\n').Count(line => line.StartsWith("sent 0x", StringComparison.Ordinal));
            if (count >= sends)
            {
                return false;
            }

            await Task.Delay(5);
        }

        throw new TimeoutException($"the settle child neither sent {sends} transaction(s) nor exited in {limit.TotalSeconds:0} s:\n{child.Output}");
    }
}
