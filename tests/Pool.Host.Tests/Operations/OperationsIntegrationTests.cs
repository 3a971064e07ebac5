using System.Globalization;
using System.Text.Json;
using Pool.Core.Pow;
using Pool.Host.Tests.Support;
using Pool.Testing;

namespace Pool.Host.Tests.Operations;

/// <summary>
/// The pool under a short load of real shares, scraped by a real Prometheus and read through its stats API: two litecoind
/// regtest nodes, redis-server, `pool run` and `prometheus`. The port difficulty sits below the network's so most shares
/// are not blocks and the current round keeps some work.
/// </summary>
[Category("Integration")]
[NonParallelizable]
public partial class OperationsIntegrationTests
{
    private const string PoolId = "ltc-ops";
    private const string TokenAddress = "0x52908400098527886E0F7030069857D2E4169EE7";
    private const int SharesToSend = 12;
    private const double ShareDifficulty = 1e-11;
    private PoolStack _stack = null!;
    private PrometheusServer _prometheus = null!;
    private string _miner = string.Empty;
    private int _accepted;
    private int _rejected;
    private double _roundDifficulty;
    private readonly List<string> _blockHashes = [];

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _stack = await PoolStack.StartAsync(PoolId, new Dictionary<string, string>
        {
            ["Stratum:Ports:0:StartingDifficulty"] = ShareDifficulty.ToString("R", CultureInfo.InvariantCulture),
            ["Stratum:Vardiff:Enabled"] = "false",
            ["Stratum:Vardiff:MinDifficulty"] = "1e-13",
            ["Host:LogFormat"] = "json",
        });
        _prometheus = await PrometheusServer.StartAsync("pool", string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{_stack.Pool.HttpPort}"));
        _miner = (await _stack.Nodes.A.CallAsync("getnewaddress", "miner", "bech32")).GetString()!;
        await SendLoadAsync();
        await SeedSettlementAsync();

        // Every test reads the state after the load: all shares in Redis, every found block logged.
        await Eventually.HoldsAsync(async () => (await _stack.Pool.MetricsAsync()).Contains(
                string.Create(CultureInfo.InvariantCulture, $"pool_ledger_batch_size_sum {_accepted}\n"), StringComparison.Ordinal)
            && CountOccurrences(_stack.Pool.Process.Output, "\"Message\":\"Block found:") == _blockHashes.Count, "the load to reach Redis and the log");
    }

    private static int CountOccurrences(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_prometheus is not null)
        {
            await _prometheus.DisposeAsync();
        }

        if (_stack is not null)
        {
            await _stack.DisposeAsync();
        }

        _http.Dispose();
    }

    [Test]
    public async Task Prometheus_ScrapingPoolUnderLoad_SharesCounterMatchesSentAndHashrateIsPositive()
    {
        // Shares reach Redis and the closed connection is noticed a moment after the last answer: wait for a scrape that has all of it.
        await Eventually.HoldsAsync(async () => await _prometheus.QueryScalarAsync("sum(pool_shares_accepted_total)") == _accepted
                                       && await _prometheus.QueryScalarAsync("pool_ledger_batch_size_sum") == _accepted
                                       && await _prometheus.QueryScalarAsync("sum(pool_stratum_connections_closed_total)") == 1
                                       && await _prometheus.QueryScalarAsync("pool_hashrate_hashes_per_second") > 0,
            "Prometheus to scrape the accepted shares, their Redis batches, the closed connection and a hashrate");

        Assert.That(await _prometheus.QueryScalarAsync("up{job=\"pool\"}"), Is.EqualTo(1));
        Assert.That(await _prometheus.QueryScalarAsync("sum(pool_shares_accepted_total)"), Is.EqualTo(SharesToSend));
        Assert.That(await _prometheus.QueryScalarAsync($"pool_shares_accepted_total{{port=\"{_stack.Pool.StratumPort}\"}}"), Is.EqualTo(SharesToSend));
        Assert.That(await _prometheus.QueryScalarAsync("sum(pool_shares_rejected_total)"), Is.EqualTo(_rejected));
        Assert.That(await _prometheus.QueryScalarAsync("pool_hashrate_hashes_per_second"), Is.GreaterThan(0));
        Assert.That(await _prometheus.QueryScalarAsync("pool_miners"), Is.EqualTo(1));
        Assert.That(await _prometheus.QueryScalarAsync("pool_node_synced"), Is.EqualTo(1));
        Assert.That(await _prometheus.QueryScalarAsync($"pool_miner_hashrate_hashes_per_second{{miner=\"{_miner}\"}}"), Is.GreaterThan(0));
        Assert.That(await _prometheus.QueryScalarAsync("pool_stratum_connections_opened_total"), Is.EqualTo(1));
        Assert.That(await _prometheus.QueryScalarAsync("pool_stratum_connections_closed_total{reason=\"client_closed\"}"), Is.EqualTo(1),
            "the load client has hung up");
        Assert.That(await _prometheus.QueryScalarAsync("pool_stratum_authorized_workers"), Is.Zero);
        Assert.That(await _prometheus.QueryScalarAsync("sum(pool_node_rpc_duration_seconds_count{method=\"getblocktemplate\"})"), Is.GreaterThan(0));
        Assert.That(await _prometheus.QueryScalarAsync("pool_ledger_batch_size_sum"), Is.EqualTo(SharesToSend));
    }

    [Test]
    public async Task Prometheus_EveryDashboardQuery_IsAcceptedAndTheHeadlinePanelsHaveData()
    {
        using var dashboard = JsonDocument.Parse(await File.ReadAllTextAsync(RepositoryFiles.Combine("deploy", "grafana", "pool-overview.json")));
        var expressions = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(p => p.GetProperty("targets").EnumerateArray())
            .Select(t => t.GetProperty("expr").GetString()!)
            .ToList();
        await Eventually.HoldsAsync(async () => await _prometheus.QueryScalarAsync("sum(pool_shares_accepted_total)") == _accepted, "a scrape after the load");

        var empty = new List<string>();
        foreach (var expression in expressions)
        {
            var (ok, answer) = await _prometheus.TryQueryAsync(expression);
            Assert.That(ok, Is.True, $"{expression}: {answer}");
            if (answer.Contains("\"result\":[]", StringComparison.Ordinal))
            {
                empty.Add(expression);
            }
        }

        Assert.That(empty, Has.None.Contains("pool_hashrate_hashes_per_second").And.None.EqualTo("max(pool_miners)").And.None.EqualTo("max(pool_template_age_seconds)"),
            "the headline panels show data for a pool that has worked");
    }

    private async Task SendLoadAsync()
    {
        var worker = _miner + ".rig1";
        await using var client = await StratumTestClient.ConnectAsync(_stack.Pool.StratumPort);
        var miner = TestMiner.FromSubscribe(ScryptPow.Instance, await client.CallAsync("mining.subscribe", "[\"ops-miner/1.0\"]"));
        var authorize = await client.CallAsync("mining.authorize", $"[\"{worker}\",\"eth={TokenAddress}\"]");
        Assert.That(authorize.GetProperty("result").GetBoolean(), Is.True, authorize.ToString());
        var notifies = 1;
        var notify = await client.NotificationAsync("mining.notify");
        FoundShare? last = null;
        for (var i = 1; i <= SharesToSend; i++)
        {
            var share = miner.Find(notify, ShareDifficulty, extranonce2: (ulong)i);
            var answer = await client.CallAsync("mining.submit", share.SubmitParams(worker));
            Assert.That(answer.GetProperty("result").ValueKind, Is.EqualTo(JsonValueKind.True), answer.ToString());
            _accepted++;
            _roundDifficulty += ShareDifficulty;
            last = share;
            if (share.IsBlock)
            {
                // The block closed the round and the node moves on: mine on the next job.
                _blockHashes.Add(share.BlockHashDisplayHex);
                _roundDifficulty = 0;
                notify = await client.NotificationAsync("mining.notify", occurrence: ++notifies, timeout: TimeSpan.FromSeconds(30));
            }
        }

        var duplicate = await client.CallAsync("mining.submit", last!.SubmitParams(worker));
        Assert.That(duplicate.GetProperty("result").ValueKind, Is.Not.EqualTo(JsonValueKind.True), duplicate.ToString());
        _rejected++;
    }
}
