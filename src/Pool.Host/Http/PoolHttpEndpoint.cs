using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using HostOptions = Pool.Host.Configuration.HostOptions;
using Pool.Host.Health;
using Pool.Host.Stats;
using Pool.Stratum.Security;
using Prometheus;

namespace Pool.Host.Http;

/// <summary>The pool's HTTP endpoint: /metrics for Prometheus, /health for orchestrators and load balancers, /api/* for miners.</summary>
public sealed class PoolHttpEndpoint : IAsyncDisposable
{
    private const string ApiRateLimitPolicy = "api";

    private readonly WebApplication _app;

    private PoolHttpEndpoint(WebApplication app)
    {
        _app = app;
    }

    /// <summary>The address actually listened on.</summary>
    public Uri Address => new(_app.Urls.First());

    /// <summary>Builds and starts the endpoint on <see cref="HostOptions.HttpListen"/> (ADDRESS:PORT).</summary>
    public static async Task<PoolHttpEndpoint> StartAsync(
        HostOptions options, CollectorRegistry registry, PoolHealth health, PoolStatsReader stats, IPayoutAddressValidator addresses, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = IPEndPoint.Parse(options.HttpListen);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton<IHostLifetime, ExternallyStoppedLifetime>();
        builder.WebHost.ConfigureKestrel(k => k.Listen(endpoint));
        var limited = options.ApiRequestsPerSecond > 0;
        if (limited)
        {
            builder.Services.AddRateLimiter(o => ConfigureApiLimit(o, options.ApiRequestsPerSecond, options.ApiBurst));
        }

        var app = builder.Build();
        if (limited)
        {
            app.UseRateLimiter();
        }

        app.MapMetrics("/metrics", registry);
        app.MapGet("/health", async (HttpContext context) =>
        {
            var report = await health.CheckAsync(context.RequestAborted).ConfigureAwait(false);
            context.Response.StatusCode = report.Ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
            await context.Response.WriteAsJsonAsync(report, HttpJson.Options, context.RequestAborted).ConfigureAwait(false);
        });
        app.MapStats(stats, addresses, limited ? ApiRateLimitPolicy : null);
        await app.StartAsync().ConfigureAwait(false);
        return new PoolHttpEndpoint(app);
    }

    // One token bucket per client address: a script polling a miner's page cannot make every request a Redis read,
    // while people and dashboards refreshing now and then never notice it.
    private static void ConfigureApiLimit(RateLimiterOptions options, int perSecond, int burst)
    {
        options.AddPolicy(ApiRateLimitPolicy, context => RateLimitPartition.GetTokenBucketLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? string.Empty,
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = burst,
                TokensPerPeriod = perSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
        options.OnRejected = async (rejected, cancellationToken) =>
        {
            var response = rejected.HttpContext.Response;
            response.StatusCode = StatusCodes.Status429TooManyRequests;
            var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 1;
            response.Headers.RetryAfter = wait.ToString(CultureInfo.InvariantCulture);
            await response.WriteAsJsonAsync(
                new ApiError($"too many requests from this address: at most {perSecond} per second (bursts of {burst}); retry in {wait} s"),
                HttpJson.Options,
                cancellationToken).ConfigureAwait(false);
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
