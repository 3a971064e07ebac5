using System.Globalization;
using Microsoft.Extensions.Logging;
using Pool.Chain.Templates;

namespace Pool.Chain.Jobs;

/// <summary>
/// Turns the stream of templates into jobs: a clean job for every new block, a non-clean one when the template
/// changed and the refresh interval passed, and a bounded history so late shares for earlier jobs of the same
/// block still find their job.
/// </summary>
public sealed class JobManager : IJobSource
{
    private readonly JobFactory _factory;
    private readonly int _historySize;
    private readonly TimeSpan _refreshInterval;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, MiningJob> _byId = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private MiningJob? _current;
    private BlockTemplate? _currentTemplate;
    private long _lastJobTimestamp;
    private ulong _nextJobNumber;

    /// <summary>Creates a manager keeping <paramref name="historySize"/> jobs of the current block.</summary>
    public JobManager(JobFactory factory, int historySize, TimeSpan refreshInterval, TimeProvider time, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(historySize, 1);
        _factory = factory;
        _historySize = historySize;
        _refreshInterval = refreshInterval;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    public MiningJob? Current => Volatile.Read(ref _current);

    /// <summary>The template of <see cref="Current"/>.</summary>
    public BlockTemplate? CurrentTemplate => Volatile.Read(ref _currentTemplate);

    /// <inheritdoc />
    public event Action<MiningJob>? JobCreated;

    /// <inheritdoc />
    public bool TryGetJob(string jobId, out MiningJob job)
    {
        lock (_lock)
        {
            return _byId.TryGetValue(jobId, out job!);
        }
    }

    /// <summary>
    /// Offers a fresh template; returns the job it became, or null when it brings nothing new yet (same block, and
    /// unchanged or the refresh interval has not passed).
    /// </summary>
    public MiningJob? Offer(BlockTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        MiningJob job;
        lock (_lock)
        {
            var current = _currentTemplate;
            var newBlock = current is null || current.PreviousBlockHash != template.PreviousBlockHash;
            if (!newBlock)
            {
                if (template.Height < current!.Height || template.ContentKey == current.ContentKey)
                {
                    return null;
                }

                if (_time.GetElapsedTime(_lastJobTimestamp) < _refreshInterval)
                {
                    return null;
                }
            }

            var id = (++_nextJobNumber).ToString("x", CultureInfo.InvariantCulture);
            job = _factory.Create(id, template, cleanJobs: newBlock);
            if (newBlock)
            {
                // Shares for the previous block can no longer become blocks: their jobs go.
                _byId.Clear();
                _order.Clear();
            }

            _byId[id] = job;
            _order.Enqueue(id);
            while (_order.Count > _historySize)
            {
                _byId.Remove(_order.Dequeue());
            }

            _lastJobTimestamp = _time.GetTimestamp();
            Volatile.Write(ref _currentTemplate, template);
            Volatile.Write(ref _current, job);
        }

        _logger.LogInformation("job {JobId} for height {Height} ({Transactions} transactions, clean {Clean})",
            job.JobId, job.Height, template.Transactions.Count, job.CleanJobs);
        Raise(job);
        return job;
    }

    private void Raise(MiningJob job)
    {
        var handlers = JobCreated;
        if (handlers is null)
        {
            return;
        }

        // One failing subscriber must not keep the others, or the template loop, from the new job.
        foreach (var handler in handlers.GetInvocationList().Cast<Action<MiningJob>>())
        {
            try
            {
                handler(job);
            }
            catch (Exception e)
            {
                _logger.LogError(e, "a JobCreated subscriber failed for job {JobId}", job.JobId);
            }
        }
    }
}
