using Pool.Chain.Rpc;

namespace Pool.Chain.Templates;

/// <summary>Timing of the template watcher.</summary>
/// <param name="LongPollTimeout">How long a longpoll call may stay open.</param>
/// <param name="PollInterval">Best-block poll period (the fallback when longpoll and ZMQ are silent).</param>
/// <param name="RefreshInterval">Period of template refreshes for new transactions.</param>
/// <param name="ZmqHashBlockEndpoint">The node's ZMQ hashblock endpoint, or null.</param>
/// <param name="Backoff">Back-off after failures.</param>
public sealed record TemplateWatcherSettings(
    TimeSpan LongPollTimeout,
    TimeSpan PollInterval,
    TimeSpan RefreshInterval,
    string? ZmqHashBlockEndpoint,
    RetryBackoff Backoff)
{
    /// <summary>
    /// Whether to hold a longpoll getblocktemplate open. Off, the first template is still fetched and new blocks are
    /// seen only through ZMQ hashblock and the best-block poll (for nodes whose longpoll is unreliable behind a proxy).
    /// </summary>
    public bool LongPollEnabled { get; init; } = true;
}
