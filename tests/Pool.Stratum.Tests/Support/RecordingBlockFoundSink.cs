using System.Collections.Concurrent;
using Pool.Core.Mining;

namespace Pool.Stratum.Tests.Support;

/// <summary>Records found blocks.</summary>
public sealed class RecordingBlockFoundSink(EventLog log) : IBlockFoundSink
{
    public ConcurrentQueue<FoundBlock> Blocks { get; } = new();

    public ValueTask BlockFoundAsync(FoundBlock block, CancellationToken cancellationToken = default)
    {
        Blocks.Enqueue(block);
        log.Add("block-found");
        return ValueTask.CompletedTask;
    }
}
