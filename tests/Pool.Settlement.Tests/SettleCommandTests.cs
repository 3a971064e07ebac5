using System.Numerics;
using Pool.Settlement.Commands;
using Pool.Testing;

namespace Pool.Settlement.Tests;

[Category("Integration")]
public class SettleCommandTests
{
    private SettlementTestBed _bed = null!;
    private TempDirectory _keys = null!;
    private Dictionary<string, string> _env = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _bed = await SettlementTestBed.StartAsync();
        _keys = new TempDirectory("keys");
        var keyFile = _keys.Combine("settler.key");
        await File.WriteAllTextAsync(keyFile, TokenTestBed.SettlerKey + "\n");
        _env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [EnvironmentNames.RpcUrl] = _bed.Token.Anvil.RpcUrl.ToString(),
            [EnvironmentNames.TokenAddress] = _bed.Token.Token,
            [EnvironmentNames.Redis] = _bed.Redis.ConnectionString,
            [EnvironmentNames.FeeAddress] = SettlementTestBed.FeeAddress,
            [EnvironmentNames.PoolId] = "cli-pool",
            [EnvironmentNames.Confirmations] = "1",
            [EnvironmentNames.SettlerKeyFile] = keyFile,
        };
    }

    [TearDown]
    public async Task StopAsync()
    {
        _keys.Dispose();
        await _bed.DisposeAsync();
    }

    [Test]
    public async Task RunAsync_ConfirmedRound_ExitsZeroPrintsTransactionAndTotalsNeverTheKey()
    {
        await _bed.AddRoundAsync(250_000_000, SettlementTestBed.Miners(4));

        var (code, stdout, stderr) = await RunAsync([]);

        Assert.That(code, Is.EqualTo(SettleExitCodes.Ok), stderr + stdout);
        Assert.That(stdout, Does.Match("settled 250000000 units to 5 addresses .* tx 0x[0-9a-f]{64} in block"));
        Assert.That(stdout, Does.Contain("completed: 1 round(s) planned, 1 transaction(s) mined minting 250000000 units"));
        Assert.That(stdout + stderr, Does.Not.Contain(TokenTestBed.SettlerKey[2..]));
        Assert.That(await _bed.TotalSupplyAsync(), Is.EqualTo(new BigInteger(250_000_000)));
    }

    [Test]
    public async Task TokenStatus_WithRedisAfterSettling_ShowsFinalSettlementsAndCarriedBalances()
    {
        var paid = await _bed.AddRoundAsync(250_000_000, SettlementTestBed.Miners(4));
        await _bed.AddRoundAsync(50_000_000, SettlementTestBed.Miners(2), withAddresses: false);
        await RunAsync([]);
        using var stdout = new StringWriter();

        // Second round: fee 500,000 + remainder 1 minted; the miners' 49,499,999 carried (no token addresses yet).
        using var stderr = new StringWriter();

        var code = await new TokenCommand(SettleCommandLineTests.Lookup(_env)).RunAsync(["status", "--settlements", "5"], stdout, stderr);

        Assert.That(code, Is.EqualTo(SettleExitCodes.Ok), stderr.ToString());
        Assert.That(stdout.ToString(), Does.Contain("total supply 250500001 base units"));
        Assert.That(stdout.ToString(), Does.Contain("settlements: 2 final, 0 open"));
        Assert.That(stdout.ToString(), Does.Contain($"coin block {paid.Block.Height} {paid.Block.BlockHash}, shares root {paid.SharesRoot}, 250000000 units to 5 recipient(s)"));
        Assert.That(stdout.ToString(), Does.Contain("carried balances: 49499999 units owed to 2 miner(s)"));
    }

    [Test]
    public async Task RunAsync_DryRun_PrintsEachMinerWhyAndWritesNothing()
    {
        var scores = SettlementTestBed.Miners(3);
        await _bed.AddRoundAsync(100_000_000, scores);
        _env.Remove(EnvironmentNames.SettlerKeyFile);

        var (code, stdout, _) = await RunAsync(["--dry-run", "--min-payout", "40000000"]);

        Assert.That(code, Is.EqualTo(SettleExitCodes.Ok));
        Assert.That(stdout, Does.Contain("would settle round"));
        foreach (var miner in scores.Keys)
        {
            Assert.That(stdout, Does.Contain("  " + miner + " → 0x"));
        }

        Assert.That(stdout, Does.Contain("below the minimum payout 40000000"));
        Assert.That(await _bed.Store.GetHandledRoundsAsync(), Is.Empty);
    }

    [Test]
    public async Task RunAsync_StoppedAfterSendThenRunAgain_SecondRunExitsZeroAndPaysOnce()
    {
        await _bed.AddRoundAsync(250_000_000, SettlementTestBed.Miners(4));
        var stopping = new SettleCommand((_, _) => _bed.Rounds, SettleCommandLineTests.Lookup(_env), crashHook: p =>
        {
            if (p == Pool.Settlement.Settlement.SettlementCrashPoint.AfterSend)
            {
                throw new OperationCanceledException("stopped after send");
            }
        });
        Assert.ThrowsAsync<OperationCanceledException>(() => stopping.RunAsync([], TextWriter.Null, TextWriter.Null));

        var (code, stdout, _) = await RunAsync([]);

        Assert.That(code, Is.EqualTo(SettleExitCodes.Ok));
        Assert.That(stdout, Does.Contain("settled 250000000 units to 5 addresses"));
        Assert.That(await _bed.TotalSupplyAsync(), Is.EqualTo(new BigInteger(250_000_000)));
    }

    [Test]
    public async Task RunAsync_NoKey_ExitsUsageNamingBothVariables()
    {
        _env.Remove(EnvironmentNames.SettlerKeyFile);

        var (code, _, stderr) = await RunAsync([]);

        Assert.That(code, Is.EqualTo(SettleExitCodes.Usage));
        Assert.That(stderr, Does.Contain(EnvironmentNames.SettlerKeyFile).And.Contain(EnvironmentNames.SettlerKey));
    }

    [Test]
    public async Task RunAsync_LockHeld_ExitsFour()
    {
        await _bed.Store.TryAcquireLockAsync("elsewhere", TimeSpan.FromSeconds(30));

        var (code, _, stderr) = await RunAsync([]);

        Assert.That(code, Is.EqualTo(SettleExitCodes.LockHeld));
        Assert.That(stderr, Does.Contain("another pool settle is running"));
    }

    [Test]
    public async Task RunAsync_EvmNodeDown_ExitsOneWithClearMessage()
    {
        await _bed.AddRoundAsync(100_000_000, SettlementTestBed.Miners(2));
        _env[EnvironmentNames.RpcUrl] = $"http://127.0.0.1:{FreePort.Next()}";

        var (code, stdout, stderr) = await RunAsync([]);

        Assert.That(code, Is.EqualTo(SettleExitCodes.Failed));
        Assert.That(stderr, Does.Contain("cannot reach the EVM node"));
        Assert.That(stdout, Does.Contain("open: settlement"));
    }

    [Test]
    public async Task RunAsync_RedisDown_ExitsOneWithClearMessage()
    {
        _env[EnvironmentNames.Redis] = $"127.0.0.1:{FreePort.Next()}";

        var (code, _, stderr) = await RunAsync([]);

        Assert.That(code, Is.EqualTo(SettleExitCodes.Failed));
        Assert.That(stderr, Does.Contain("cannot reach Redis"));
    }

    private async Task<(int Code, string Stdout, string Stderr)> RunAsync(string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var command = new SettleCommand((_, _) => _bed.Rounds, SettleCommandLineTests.Lookup(_env));
        var code = await command.RunAsync(args, stdout, stderr);
        await TestContext.Out.WriteLineAsync($"exit {code}\n{stdout}\n{stderr}");
        return (code, stdout.ToString(), stderr.ToString());
    }
}
