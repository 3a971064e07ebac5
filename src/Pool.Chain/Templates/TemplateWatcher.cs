using Microsoft.Extensions.Logging;
using Pool.Chain.Jobs;
using Pool.Chain.Rpc;

namespace Pool.Chain.Templates;

/// <summary>
/// Keeps the job manager fed: longpoll getblocktemplate for new blocks, optional ZMQ hashblock notices, and a
/// best-block poll that also drives the periodic refresh and takes over when the others fail. A node that goes
/// away is retried with back-off; nothing here ends the process.
/// </summary>
public sealed partial class TemplateWatcher : IAsyncDisposable
{
    private readonly NodeRpcClient _rpc;
    private readonly IReadOnlyList<string> _rules;
    private readonly JobManager _jobs;
    private readonly TemplateWatcherSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private readonly TaskCompletionSource _firstJob = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? _stopping;
    private Task[] _loops = [];
    private long _lastRefreshTimestamp;
    private long _lastTemplateUnixMilliseconds;
    private string? _longPollId;

    /// <summary>Creates a watcher fetching templates with <paramref name="rules"/>.</summary>
    public TemplateWatcher(NodeRpcClient rpc, IReadOnlyList<string> rules, JobManager jobs, TemplateWatcherSettings settings, TimeProvider time, ILogger logger)
    {
        _rpc = rpc;
        _rules = rules;
        _jobs = jobs;
        _settings = settings;
        _time = time;
        _logger = logger;
    }

    /// <summary>Completes once the first job exists.</summary>
    public Task FirstJob => _firstJob.Task;

    /// <summary>New-block job counts and latency.</summary>
    public TemplateCounters Counters { get; } = new();

    /// <summary>When the node last answered with a template (whether or not it made a new job); null before the first.</summary>
    public DateTimeOffset? LastTemplateAt
    {
        get
        {
            var ms = Volatile.Read(ref _lastTemplateUnixMilliseconds);
            return ms == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(ms);
        }
    }

    /// <summary>Starts the loops; returns at once (see <see cref="FirstJob"/>).</summary>
    public void Start()
    {
        if (_stopping is not null)
        {
            throw new InvalidOperationException("the template watcher is already running");
        }

        _stopping = new CancellationTokenSource();
        var token = _stopping.Token;
        var loops = new List<Task>
        {
            Task.Run(() => LongPollLoopAsync(token), CancellationToken.None),
            Task.Run(() => PollLoopAsync(token), CancellationToken.None),
        };
        if (!string.IsNullOrEmpty(_settings.ZmqHashBlockEndpoint))
        {
            loops.Add(Task.Factory.StartNew(() => ZmqLoop(token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));
        }

        _loops = [.. loops];
    }

    /// <summary>Stops the loops and waits for them.</summary>
    public async Task StopAsync()
    {
        if (_stopping is null)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_loops).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stopping.Dispose();
        _stopping = null;
    }

    /// <summary>Fetches a template now and offers it to the job manager; returns the new job, if it made one.</summary>
    public async Task<MiningJob?> RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _refreshGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _lastRefreshTimestamp = _time.GetTimestamp();
            var template = await _rpc.GetBlockTemplateAsync(_rules, cancellationToken: cancellationToken).ConfigureAwait(false);
            return Offer(template, _lastRefreshTimestamp);
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _refreshGate.Dispose();
    }

    private MiningJob? Offer(BlockTemplate template, long noticedTimestamp)
    {
        // The newest id the node gave, even when the template made no job: an older id would return at once.
        Volatile.Write(ref _longPollId, template.LongPollId);
        Volatile.Write(ref _lastTemplateUnixMilliseconds, _time.GetUtcNow().ToUnixTimeMilliseconds());
        var job = _jobs.Offer(template);
        if (job is { CleanJobs: true })
        {
            Counters.NewBlockJob(_time.GetElapsedTime(noticedTimestamp));
        }

        if (_jobs.Current is not null)
        {
            _firstJob.TrySetResult();
        }

        return job;
    }

    private async Task LongPollLoopAsync(CancellationToken token)
    {
        var failures = 0;
        while (!token.IsCancellationRequested)
        {
            if (!_settings.LongPollEnabled && _jobs.Current is not null)
            {
                return;
            }

            try
            {
                var longPollId = _jobs.Current is null ? null : Volatile.Read(ref _longPollId);
                if (longPollId is null)
                {
                    await RefreshAsync(token).ConfigureAwait(false);
                }
                else
                {
                    var template = await _rpc.GetBlockTemplateAsync(_rules, longPollId, _settings.LongPollTimeout, token).ConfigureAwait(false);
                    await OfferSerializedAsync(template, _time.GetTimestamp(), token).ConfigureAwait(false);
                }

                failures = 0;
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failures++;
                var delay = _settings.Backoff.DelayAfter(failures);
                LogFailure(e, "longpoll", failures, delay);
                await DelayAsync(delay, token).ConfigureAwait(false);
            }
        }
    }

    private async Task PollLoopAsync(CancellationToken token)
    {
        var failures = 0;
        while (!token.IsCancellationRequested)
        {
            await DelayAsync(failures == 0 ? _settings.PollInterval : _settings.Backoff.DelayAfter(failures), token).ConfigureAwait(false);
            try
            {
                var current = _jobs.CurrentTemplate;
                var refreshDue = _time.GetElapsedTime(_lastRefreshTimestamp) >= _settings.RefreshInterval;
                if (current is null || refreshDue || await _rpc.GetBestBlockHashAsync(token).ConfigureAwait(false) != current.PreviousBlockHash)
                {
                    await RefreshAsync(token).ConfigureAwait(false);
                }

                failures = 0;
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failures++;
                LogFailure(e, "best-block poll", failures, _settings.Backoff.DelayAfter(failures));
            }
        }
    }

    private async Task OfferSerializedAsync(BlockTemplate template, long noticedTimestamp, CancellationToken token)
    {
        await _refreshGate.WaitAsync(token).ConfigureAwait(false);
        try
        {
            Offer(template, noticedTimestamp);
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken token)
    {
        try
        {
            await Task.Delay(delay, _time, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void LogFailure(Exception e, string source, int failures, TimeSpan delay)
    {
        if (e is NodeRpcException rpc)
        {
            _logger.LogWarning("{Source}: {Failure} {Message}; retrying in {Delay} ms (failure {Failures})",
                source, rpc.Failure, rpc.Message, (int)delay.TotalMilliseconds, failures);
        }
        else
        {
            _logger.LogError(e, "{Source} failed; retrying in {Delay} ms (failure {Failures})", source, (int)delay.TotalMilliseconds, failures);
        }
    }
}
