using System.Globalization;
using System.Net;
using Pool.Host.Tests.Support;

namespace Pool.Host.Tests.Operations;

/// <summary>The operator's view while the pool's Redis is down: the stats API says so, /metrics still answers, /health is not ready.</summary>
[Category("Integration")]
[NonParallelizable]
public class RedisOutageTests
{
    [Test]
    public async Task StatsApi_RedisKilled_Answers503WhileMetricsStillAnswer()
    {
        await using var stack = await PoolStack.StartAsync("ltc-outage", redisOptions: ",asyncTimeout=1000,syncTimeout=1000");
        var (pool, redis, poolAddress) = (stack.Pool, stack.Redis, stack.PoolAddress);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        Uri Path(string path) => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{pool.HttpPort}{path}"));
        using (var before = await http.GetAsync(Path("/api/miners/" + poolAddress)))
        {
            Assert.That(before.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the API reads Redis before the outage");
        }

        redis.Kill();

        using var api = await http.GetAsync(Path("/api/pool"));
        using var health = await http.GetAsync(Path("/health"));
        using var metrics = await http.GetAsync(Path("/metrics"));
        Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(await api.Content.ReadAsStringAsync(), Does.Contain("Redis does not answer"));
        Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(await health.Content.ReadAsStringAsync(), Does.Contain("redis does not take writes"));
        Assert.That(metrics.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await metrics.Content.ReadAsStringAsync(), Does.Contain("pool_ledger_spool_depth"));
    }
}
