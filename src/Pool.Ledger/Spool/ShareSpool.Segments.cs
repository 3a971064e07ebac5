using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace Pool.Ledger.Spool;

/// <summary>Writing a group of records to the active segment, and starting a new segment when it is full.</summary>
public sealed partial class ShareSpool
{
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
}
