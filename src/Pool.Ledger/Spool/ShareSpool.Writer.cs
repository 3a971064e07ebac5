using System.Buffers;
using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace Pool.Ledger.Spool;

/// <summary>Group commit: appends wait while one write() carries every record queued since the previous one.</summary>
public sealed partial class ShareSpool
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _writeSignal = new(0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _writerLoop;
    private ArrayBufferWriter<byte> _pending = new(64 * 1024);
    private ArrayBufferWriter<byte>? _spare = new(64 * 1024);
    private TaskCompletionSource _group = NewGroup();
    private bool _signalled;
    private long _lastSequence;
    private long _recordsWritten;

    /// <summary>Records made durable since the spool was opened.</summary>
    public long RecordsWritten => Volatile.Read(ref _recordsWritten);

    /// <summary>Raised (on the writer's thread) after records became durable.</summary>
    public event Action? Appended;

    /// <summary>Appends a record; completes once it is written to the segment file (and fsynced when configured).</summary>
    public ValueTask AppendAsync(SpoolRecordType type, ReadOnlySpan<byte> payload)
    {
        if (payload.Length > SpoolRecordFormat.MaxPayload)
        {
            throw new ArgumentException($"a spool record holds at most {SpoolRecordFormat.MaxPayload} bytes, got {payload.Length}", nameof(payload));
        }

        TaskCompletionSource group;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
            var size = SpoolRecordFormat.HeaderSize + payload.Length;
            SpoolRecordFormat.Write(_pending.GetSpan(size), ++_lastSequence, type, payload);
            _pending.Advance(size);
            group = _group;
            if (!_signalled)
            {
                _signalled = true;
                _writeSignal.Release();
            }
        }

        return new ValueTask(group.Task);
    }

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
            ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);
            var span = _pending.GetSpan(SpoolRecordFormat.HeaderSize + maxPayload);
            var length = write(state, span[SpoolRecordFormat.HeaderSize..]);
            _pending.Advance(SpoolRecordFormat.WriteHeader(span, ++_lastSequence, type, length));
            group = _group;
            if (!_signalled)
            {
                _signalled = true;
                _writeSignal.Release();
            }
        }

        return new ValueTask(group.Task);
    }

    private static TaskCompletionSource NewGroup() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task WriteLoopAsync()
    {
        while (true)
        {
            try
            {
                await _writeSignal.WaitAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopping: whatever was queued after the last signal is written below before the loop ends.
            }

            ArrayBufferWriter<byte> writing;
            TaskCompletionSource group;
            long lastInGroup;
            lock (_gate)
            {
                writing = _pending;
                _pending = _spare!;
                _spare = null;
                group = _group;
                _group = NewGroup();
                _signalled = false;
                lastInGroup = _lastSequence;
            }

            if (writing.WrittenCount > 0)
            {
                WriteGroup(writing.WrittenSpan, lastInGroup, group);
            }
            else
            {
                group.TrySetResult();
            }

            writing.ResetWrittenCount();
            _spare = writing;
            if (_stopping.IsCancellationRequested)
            {
                // Appends are refused once stopping is set (under the gate), so the swap above took the last of them.
                return;
            }
        }
    }

    private void WriteGroup(ReadOnlySpan<byte> bytes, long lastInGroup, TaskCompletionSource group)
    {
        var tail = _tail;
        try
        {
            RandomAccess.Write(_segment, bytes, tail.Length);
            if (_fsync)
            {
                RandomAccess.FlushToDisk(_segment);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not written means not acknowledged: the callers see the error and the miner gets no answer for these shares.
            _logger.LogError(e, "Spool write of {Bytes} bytes to {Directory} failed; the shares in it are rejected", bytes.Length, _directory);
            TryTruncate(tail.Length);
            group.TrySetException(new IOException($"the share spool in {_directory} could not be written: {e.Message}", e));
            return;
        }

        Interlocked.Add(ref _recordsWritten, lastInGroup - tail.Sequence);
        tail = new SpoolTail(tail.SegmentFirstSequence, tail.Length + bytes.Length, lastInGroup);
        if (tail.Length >= _segmentBytes)
        {
            tail = Roll(tail);
        }

        _tail = tail;
        group.TrySetResult();
        Appended?.Invoke();
    }

    private SpoolTail Roll(SpoolTail tail)
    {
        var next = tail.Sequence + 1;
        SafeFileHandle handle;
        try
        {
            handle = File.OpenHandle(SegmentPath(_directory, next), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read);
        }
        catch (IOException e)
        {
            _logger.LogWarning(e, "Spool could not start a new segment in {Directory}; the current one keeps growing", _directory);
            return tail;
        }

        var old = _segment;
        _segment = handle;
        old.Dispose();
        return new SpoolTail(next, 0, tail.Sequence);
    }

    private void TryTruncate(long length)
    {
        try
        {
            RandomAccess.SetLength(_segment, length);
        }
        catch (IOException)
        {
            // A record left half-written is cut off by the recovery scan on the next start.
        }
    }

    private async Task StopWriterAsync()
    {
        lock (_gate)
        {
            if (_stopping.IsCancellationRequested)
            {
                return;
            }

            _stopping.Cancel();
        }

        await _writerLoop.ConfigureAwait(false);
        _writeSignal.Dispose();
        _stopping.Dispose();
    }
}
