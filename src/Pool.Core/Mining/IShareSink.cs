namespace Pool.Core.Mining;

/// <summary>Where accepted shares go. The Stratum server answers a miner only after <see cref="RecordAsync"/> completes.</summary>
public interface IShareSink
{
    /// <summary>Records a share; completes once the share is durable (it survives a kill of the process).</summary>
    ValueTask RecordAsync(AcceptedShare share, CancellationToken cancellationToken = default);
}
