using System.Buffers;

namespace Pool.Ledger.Spool;

/// <summary>
/// Group commit without a writer thread: the first append that finds no write in progress writes everything queued (its own
/// record included) with one write() on its own thread, so at ordinary rates an append costs one system call and no thread
/// switch; appends arriving meanwhile wait and go out together in the next write.
/// </summary>
public sealed partial class ShareSpool
{
    // A leader writes at most this many groups for others before it hands the rest to the thread pool.
    private const int LeaderRounds = 4;

    private readonly Lock _gate = new();
    private ArrayBufferWriter<byte> _pending = new(64 * 1024);
    private ArrayBufferWriter<byte> _spare = new(64 * 1024);
    private TaskCompletionSource _group = NewGroup();
    private TaskCompletionSource? _idle;
    private bool _writing;
    private bool _stopped;
    private long _lastSequence;
    private long _recordsWritten;

    /// <summary>Records made durable since the spool was opened.</summary>
    public long RecordsWritten => Volatile.Read(ref _recordsWritten);

    /// <summary>Raised after records became durable (on the thread that wrote them).</summary>
    public event Action? Appended;

    /// <summary>Appends a record; completes once it is written to the segment file (and fsynced when configured).</summary>
    public ValueTask AppendAsync(SpoolRecordType type, ReadOnlySpan<byte> payload) =>
        AppendAsync(type, payload.Length, payload.ToArray(), static (bytes, destination) =>
        {
            bytes.CopyTo(destination);
            return bytes.Length;
        });

    /// <summary>
    /// Appends a record that <paramref name="write"/> serialises straight into the spool's buffer (at most
    /// <paramref name="maxPayload"/> bytes), so the hot path copies nothing; completes once it is durable.
    /// </summary>
    public ValueTask AppendAsync<TState>(SpoolRecordType type, int maxPayload, TState state, SpoolPayloadWriter<TState> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (maxPayload > SpoolRecordFormat.MaxPayload)
        {
            throw new ArgumentException($"a spool record holds at most {SpoolRecordFormat.MaxPayload} bytes, got up to {maxPayload}", nameof(maxPayload));
        }

        TaskCompletionSource group;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopped, this);
            var span = _pending.GetSpan(SpoolRecordFormat.HeaderSize + maxPayload);
            var length = write(state, span[SpoolRecordFormat.HeaderSize..]);
            _pending.Advance(SpoolRecordFormat.WriteHeader(span, ++_lastSequence, type, length));
            group = _group;
            if (_writing)
            {
                return new ValueTask(group.Task);
            }

            _writing = true;
        }

        WritePending(LeaderRounds);
        return group.Task.IsCompletedSuccessfully ? ValueTask.CompletedTask : new ValueTask(group.Task);
    }

    private static TaskCompletionSource NewGroup() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Runs with _writing set: only one thread at a time writes, and it clears the flag once nothing is pending.
    private void WritePending(int rounds)
    {
        for (var round = 0; ; round++)
        {
            ArrayBufferWriter<byte> writing;
            TaskCompletionSource group;
            long lastInGroup;
            lock (_gate)
            {
                if (_pending.WrittenCount == 0)
                {
                    _writing = false;
                    _idle?.TrySetResult();
                    return;
                }

                if (round == rounds)
                {
                    ThreadPool.UnsafeQueueUserWorkItem(static spool => spool.WritePending(LeaderRounds), this, preferLocal: false);
                    return;
                }

                writing = _pending;
                _pending = _spare;
                group = _group;
                _group = NewGroup();
                lastInGroup = _lastSequence;
            }

            try
            {
                WriteGroup(writing.WrittenSpan, lastInGroup, group);
            }
            catch (Exception e)
            {
                group.TrySetException(e);
            }

            writing.ResetWrittenCount();
            _spare = writing;
        }
    }

    private async Task StopWriterAsync()
    {
        Task? idle = null;
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
            if (_writing)
            {
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                idle = _idle.Task;
            }
        }

        if (idle is not null)
        {
            await idle.ConfigureAwait(false);
        }
    }
}
