using System.Diagnostics;
using System.Globalization;
using System.Net;
using Pool.Host.Tests.Support;
using Pool.Testing;

namespace Pool.Host.Tests.Operations;

/// <summary>One client address polling the stats API is slowed to the configured rate; Prometheus and health checks never are.</summary>
[Category("Integration")]
public class ApiRateLimitTests
{
    private const int Burst = 5;

    [Test]
    public async Task StatsApi_ManyRequestsFromOneAddress_429WithRetryAfterWhileMetricsAndHealthAnswer()
    {
        await using var stack = await PoolStack.StartAsync("ltc-ratelimit", new Dictionary<string, string>
        {
            ["Host:ApiRequestsPerSecond"] = "1",
            ["Host:ApiBurst"] = Burst.ToString(CultureInfo.InvariantCulture),
        });
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        Uri Path(string path) => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{stack.Pool.HttpPort}{path}"));

        var statuses = new List<HttpStatusCode>();
        string? rejection = null;
        string? retryAfter = null;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 30; i++)
        {
            using var response = await http.GetAsync(Path(i % 2 == 0 ? "/api/pool" : "/api/miners/" + stack.PoolAddress));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && rejection is null)
            {
                rejection = await response.Content.ReadAsStringAsync();
                retryAfter = response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(CultureInfo.InvariantCulture);
            }
        }

        var elapsed = clock.Elapsed;
        var served = statuses.Count(s => s != HttpStatusCode.TooManyRequests);
        Assert.That(statuses.Take(Burst), Has.None.EqualTo(HttpStatusCode.TooManyRequests), "a burst within the limit is served");
        Assert.That(served, Is.LessThanOrEqualTo(Burst + (int)Math.Ceiling(elapsed.TotalSeconds)), "at most the burst plus one request per second");
        Assert.That(statuses, Has.Some.EqualTo(HttpStatusCode.TooManyRequests), string.Join(",", statuses));
        Assert.That(rejection, Does.Contain("too many requests from this address"));
        Assert.That(retryAfter, Is.Not.Null.And.Not.EqualTo("0"));

        for (var i = 0; i < 20; i++)
        {
            using var metrics = await http.GetAsync(Path("/metrics"));
            using var health = await http.GetAsync(Path("/health"));
            Assert.That(metrics.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(health.StatusCode, Is.Not.EqualTo(HttpStatusCode.TooManyRequests));
        }

        await Eventually.HoldsAsync(async () =>
        {
            using var again = await http.GetAsync(Path("/api/pool"));
            return again.StatusCode == HttpStatusCode.OK;
        }, "the address to be served again once its bucket refills");
    }
}
