using System.Collections.Concurrent;
using Pool.Core.Mining;

namespace Pool.Stratum.Sinks;

/// <summary>
/// Keeps accepted shares in process memory: for tests and for running without the Redis ledger. Not durable, so a
/// production pool uses the ledger's sink instead.
/// </summary>
public sealed class InMemoryShareSink : IShareSink
{
    private readonly ConcurrentQueue<AcceptedShare> _shares = new();

    /// <summary>Raised after each share is recorded.</summary>
    public event Action<AcceptedShare>? Recorded;

    /// <summary>Every share recorded, oldest first.</summary>
    public IReadOnlyCollection<AcceptedShare> Shares => _shares;

    public ValueTask RecordAsync(AcceptedShare share, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(share);
        _shares.Enqueue(share);
        Recorded?.Invoke(share);
        return ValueTask.CompletedTask;
    }
}
