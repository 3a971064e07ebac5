using System.Globalization;
using System.Net;
using System.Text.Json;
using Pool.Testing;
using StackExchange.Redis;

namespace Pool.Host.Tests.Operations;

/// <summary>The stats API of the running pool.</summary>
public partial class OperationsIntegrationTests
{
    private const long SeededBalance = 777;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Test]
    public async Task PoolApi_AfterLoad_ReportsHashrateMinerWorkerAndBlocks()
    {
        using var body = await GetJsonAsync("/api/pool", HttpStatusCode.OK);
        var pool = body.RootElement;

        Assert.That(pool.GetProperty("poolId").GetString(), Is.EqualTo(PoolId));
        Assert.That(pool.GetProperty("hashrate").GetProperty("tenMinutes").GetDouble(), Is.GreaterThan(0));
        Assert.That(pool.GetProperty("hashrate").GetProperty("oneDay").GetDouble(), Is.GreaterThan(0));
        Assert.That(pool.GetProperty("miners").GetInt32(), Is.EqualTo(1));
        Assert.That(pool.GetProperty("workers").GetInt32(), Is.EqualTo(1));
        await Eventually.HoldsAsync(async () =>
        {
            using var again = await GetJsonAsync("/api/pool", HttpStatusCode.OK);
            return again.RootElement.GetProperty("blocks").GetArrayLength() == _blockHashes.Count;
        }, "every found block to be listed");
        using var after = await GetJsonAsync("/api/pool", HttpStatusCode.OK);
        var blocks = after.RootElement.GetProperty("blocks").EnumerateArray().ToList();
        Assert.That(blocks.Select(b => b.GetProperty("blockHash").GetString()), Is.EquivalentTo(_blockHashes));
        Assert.That(blocks.Select(b => b.GetProperty("status").GetString()), Has.All.EqualTo("pending"));
    }

    [Test]
    public async Task MinerApi_KnownMiner_ReportsWorkerRoundShareRewardBalanceAndToken()
    {
        using (var redis = await ConnectionMultiplexer.ConnectAsync(_stack.Redis.ConnectionString))
        {
            await redis.GetDatabase().HashSetAsync("pool:settlement:balances", _miner, SeededBalance);
        }

        var coinbaseValue = (await _stack.Nodes.A.CallAsync("getblocktemplate", JsonDocument.Parse("{\"rules\":[\"segwit\",\"mweb\"]}").RootElement))
            .GetProperty("coinbasevalue").GetInt64();
        using var body = await GetJsonAsync("/api/miners/" + _miner, HttpStatusCode.OK);
        var miner = body.RootElement;

        Assert.That(miner.GetProperty("address").GetString(), Is.EqualTo(_miner));
        Assert.That(miner.GetProperty("hashrate").GetProperty("tenMinutes").GetDouble(), Is.GreaterThan(0));
        var workers = miner.GetProperty("workers").EnumerateArray().ToList();
        Assert.That(workers.Select(w => w.GetProperty("name").GetString()), Is.EqualTo(new[] { "rig1" }));
        Assert.That(workers[0].GetProperty("hashrate").GetProperty("tenMinutes").GetDouble(), Is.GreaterThan(0));
        Assert.That(miner.GetProperty("roundDifficulty").GetDouble(), Is.EqualTo(_roundDifficulty).Within(1e-15));
        Assert.That(miner.GetProperty("poolRoundDifficulty").GetDouble(), Is.EqualTo(_roundDifficulty).Within(1e-15));
        Assert.That(miner.GetProperty("estimatedRewardBaseUnits").GetInt64(), Is.EqualTo(_roundDifficulty > 0 ? coinbaseValue : 0),
            "the only miner of the round would get all of the current coinbase value before the fee");
        Assert.That(miner.GetProperty("pendingBaseUnits").GetInt64(), Is.EqualTo(SeededBalance));
        Assert.That(miner.GetProperty("paidBaseUnits").GetInt64(), Is.EqualTo(MintedToMiner), "minted to its token address by a mined settlement");
        Assert.That(miner.GetProperty("tokenAddress").GetString(), Is.EqualTo(TokenAddress).IgnoreCase);
    }

    [TestCase("not-an-address")]
    [TestCase("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq")]
    public async Task MinerApi_AddressNotOfThePoolsCoin_Answers400WithTheReason(string address)
    {
        using var body = await GetJsonAsync("/api/miners/" + address, HttpStatusCode.BadRequest);

        Assert.That(body.RootElement.GetProperty("error").GetString(), Does.Contain(address).And.Contain("litecoin regtest"));
    }

    [Test]
    public async Task MinerApi_ValidAddressThePoolNeverSaw_Answers404()
    {
        var stranger = (await _stack.Nodes.A.CallAsync("getnewaddress", "stranger", "bech32")).GetString()!;

        using var body = await GetJsonAsync("/api/miners/" + stranger, HttpStatusCode.NotFound);

        Assert.That(body.RootElement.GetProperty("error").GetString(), Does.Contain(stranger));
    }

    [Test]
    public async Task Log_OfARunUnderLoad_HoldsNoRpcCookieOrPassword()
    {
        var cookie = await File.ReadAllTextAsync(_stack.Nodes.A.CookieFile);
        var secret = cookie[(cookie.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        var metrics = await _stack.Pool.MetricsAsync();

        Assert.That(secret, Has.Length.GreaterThan(16));
        Assert.That(_stack.Pool.Process.Output, Does.Contain("HTTP endpoint on"), "the log was captured");
        Assert.That(_stack.Pool.Process.Output, Does.Not.Contain(_stack.Nodes.A.CookieFile + ":"), "the cookie file is named, never its contents");
        Assert.That(_stack.Pool.Process.Output, Does.Not.Contain(secret));
        Assert.That(metrics, Does.Not.Contain(secret));
    }

    [Test]
    public void Log_JsonFormat_IsOneObjectPerLineWithOneLinePerFoundBlock()
    {
        var lines = _stack.Pool.Process.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var events = new List<JsonElement>();
        foreach (var line in lines)
        {
            using var document = JsonDocument.Parse(line);
            events.Add(document.RootElement.Clone());
        }

        Assert.That(events, Has.Count.GreaterThan(3));
        Assert.That(events, Has.All.Matches<JsonElement>(e => e.TryGetProperty("Timestamp", out _) && e.TryGetProperty("LogLevel", out _)
                                                             && e.TryGetProperty("Category", out _) && e.TryGetProperty("Message", out _)));
        var blockFound = events.Where(e => e.GetProperty("Message").GetString()!.StartsWith("Block found:", StringComparison.Ordinal)).ToList();
        Assert.That(blockFound.Select(e => e.GetProperty("Message").GetString()![13..].Split(' ')[0]), Is.EquivalentTo(_blockHashes));
    }

    private async Task<JsonDocument> GetJsonAsync(string path, HttpStatusCode expected)
    {
        using var response = await _http.GetAsync(new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{_stack.Pool.HttpPort}{path}")));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), text);
        return JsonDocument.Parse(text);
    }
}
