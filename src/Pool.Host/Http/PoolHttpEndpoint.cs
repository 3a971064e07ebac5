using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pool.Host.Health;
using Pool.Host.Stats;
using Pool.Stratum.Security;
using Prometheus;

namespace Pool.Host.Http;

/// <summary>The pool's HTTP endpoint: /metrics for Prometheus, /health for orchestrators and load balancers, /api/* for miners.</summary>
public sealed class PoolHttpEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PoolHttpEndpoint(WebApplication app)
    {
        _app = app;
    }

    /// <summary>The address actually listened on.</summary>
    public Uri Address => new(_app.Urls.First());

    /// <summary>Builds and starts the endpoint on <paramref name="listen"/> (ADDRESS:PORT).</summary>
    public static async Task<PoolHttpEndpoint> StartAsync(
        string listen, CollectorRegistry registry, PoolHealth health, PoolStatsReader stats, IPayoutAddressValidator addresses, ILoggerFactory loggerFactory)
    {
        var endpoint = IPEndPoint.Parse(listen);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton<IHostLifetime, ExternallyStoppedLifetime>();
        builder.WebHost.ConfigureKestrel(k => k.Listen(endpoint));
        var app = builder.Build();
        app.MapMetrics("/metrics", registry);
        app.MapGet("/health", async (HttpContext context) =>
        {
            var report = await health.CheckAsync(context.RequestAborted).ConfigureAwait(false);
            context.Response.StatusCode = report.Ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
            await context.Response.WriteAsJsonAsync(report, HttpJson.Options, context.RequestAborted).ConfigureAwait(false);
        });
        app.MapStats(stats, addresses);
        await app.StartAsync().ConfigureAwait(false);
        return new PoolHttpEndpoint(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
