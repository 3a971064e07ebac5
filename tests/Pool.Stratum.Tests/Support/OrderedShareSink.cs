using System.Collections.Concurrent;
using Pool.Core.Mining;

namespace Pool.Stratum.Tests.Support;

/// <summary>A share sink that logs and can be made slow, to catch answers sent before recording completes.</summary>
public sealed class OrderedShareSink(EventLog log) : IShareSink
{
    public ConcurrentQueue<AcceptedShare> Shares { get; } = new();

    public TimeSpan Delay { get; set; }

    public bool Failing { get; set; }

    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask RecordAsync(AcceptedShare share, CancellationToken cancellationToken = default)
    {
        Entered.TrySetResult();
        if (Failing)
        {
            throw new IOException("ledger unavailable");
        }
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }

        Shares.Enqueue(share);
        log.Add("record-share");
    }
}
