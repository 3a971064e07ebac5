using Microsoft.Extensions.Hosting;

namespace Pool.Host.Http;

/// <summary>A host lifetime that leaves signals alone: the pool's own shutdown stops the HTTP endpoint, in order.</summary>
public sealed class ExternallyStoppedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
