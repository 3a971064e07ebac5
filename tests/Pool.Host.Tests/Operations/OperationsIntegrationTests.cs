using System.Globalization;
using System.Text.Json;
using NUnit.Framework.Constraints;
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

    // Several 5 s scrape intervals, so a scrape or two lost to a busy machine still leaves time for a good one.
    private static readonly TimeSpan ScrapeWait = TimeSpan.FromSeconds(60);
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
        (string Query, IResolveConstraint Expected)[] expectations =
        [
            ("up{job=\"pool\"}", Is.EqualTo(1)),
            ("sum(pool_shares_accepted_total)", Is.EqualTo(SharesToSend)),
            ($"pool_shares_accepted_total{{port=\"{_stack.Pool.StratumPort}\"}}", Is.EqualTo(SharesToSend)),
            ("sum(pool_shares_rejected_total)", Is.EqualTo(_rejected)),
            ("pool_hashrate_hashes_per_second", Is.GreaterThan(0)),
            ("pool_miners", Is.EqualTo(1)),
            ("pool_node_synced", Is.EqualTo(1)),
            ($"pool_miner_hashrate_hashes_per_second{{miner=\"{_miner}\"}}", Is.GreaterThan(0)),
            ("pool_stratum_connections_opened_total", Is.EqualTo(1)),
            ("sum(pool_stratum_connections_closed_total)", Is.EqualTo(1)),
            ("pool_stratum_connections_closed_total{reason=\"client_closed\"}", Is.EqualTo(1)),
            ("pool_stratum_authorized_workers", Is.Zero),
            ("sum(pool_node_rpc_duration_seconds_count{method=\"getblocktemplate\"})", Is.GreaterThan(0)),
            ("pool_ledger_batch_size_sum", Is.EqualTo(SharesToSend)),
        ];

        // Shares reach Redis and the closed connection is noticed a moment after the last answer, and a scrape that
        // timed out leaves every series stale until the next one: the whole set is read again until one scrape has it.
        var values = new Dictionary<string, double?>();
        await Eventually.HoldsAsync(async () =>
            {
                foreach (var (query, _) in expectations)
                {
                    values[query] = await _prometheus.QueryScalarAsync(query);
                }

                return expectations.All(e => values[e.Query] is { } value && e.Expected.Resolve().ApplyTo(value).IsSuccess);
            },
            "one Prometheus scrape with the accepted and rejected shares, their Redis batches, the closed connection and a hashrate",
            ScrapeWait,
            () => string.Join("\n", expectations.Select(e => $"{e.Query} = {values.GetValueOrDefault(e.Query)?.ToString(CultureInfo.InvariantCulture) ?? "no data"}, expected {e.Expected.Resolve().Description}")));

        Assert.Multiple(() =>
        {
            foreach (var (query, expected) in expectations)
            {
                Assert.That(values[query], expected, query);
            }
        });
    }

    [Test]
    public async Task Prometheus_EveryDashboardQuery_IsAcceptedAndTheHeadlinePanelsHaveData()
    {
        using var dashboard = JsonDocument.Parse(await File.ReadAllTextAsync(RepositoryFiles.Combine("deploy", "grafana", "pool-overview.json")));
        var expressions = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(p => p.GetProperty("targets").EnumerateArray())
            .Select(t => t.GetProperty("expr").GetString()!)
            .ToList();

        // A scrape that timed out leaves the panels empty until the next one: every query is asked again until one
        // round of answers comes from a scrape after the load.
        var rejected = new List<string>();
        var empty = new List<string>();
        await Eventually.HoldsAsync(async () =>
            {
                rejected.Clear();
                empty.Clear();
                if (await _prometheus.QueryScalarAsync("sum(pool_shares_accepted_total)") != _accepted)
                {
                    return false;
                }

                foreach (var expression in expressions)
                {
                    var (ok, answer) = await _prometheus.TryQueryAsync(expression);
                    if (!ok)
                    {
                        rejected.Add($"{expression}: {answer}");
                    }
                    else if (answer.Contains("\"result\":[]", StringComparison.Ordinal))
                    {
                        empty.Add(expression);
                    }
                }

                return rejected.Count == 0 && !empty.Any(IsHeadline);
            },
            "a scrape after the load that every dashboard query accepts, with data in the headline panels",
            ScrapeWait,
            () => $"rejected: [{string.Join("; ", rejected)}]; empty: [{string.Join("; ", empty)}]");

        Assert.That(rejected, Is.Empty);
        Assert.That(empty, Has.None.Contains("pool_hashrate_hashes_per_second").And.None.EqualTo("max(pool_miners)").And.None.EqualTo("max(pool_template_age_seconds)"),
            "the headline panels show data for a pool that has worked");
    }

    private static bool IsHeadline(string expression) =>
        expression.Contains("pool_hashrate_hashes_per_second", StringComparison.Ordinal) || expression is "max(pool_miners)" or "max(pool_template_age_seconds)";

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
