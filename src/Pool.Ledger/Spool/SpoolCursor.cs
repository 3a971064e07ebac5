using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace Pool.Ledger.Spool;

/// <summary>
/// Reads the spool back from disk in order, from just after the checkpoint; memory stays at one buffer however far Redis is behind.
/// Entries returned by <see cref="Read"/> point into the buffer and stay valid until the next call.
/// </summary>
public sealed class SpoolCursor : IDisposable
{
    private readonly ShareSpool _spool;
    private readonly ILogger _logger;
    private readonly byte[] _buffer;
    private long _segmentFirst;
    private SafeFileHandle? _segment;
    private long _offset;
    private long _lastRead;

    /// <summary>Starts reading after <paramref name="after"/> (normally the spool's checkpoint).</summary>
    public SpoolCursor(ShareSpool spool, long after, ILogger logger, int bufferBytes = 4 << 20)
    {
        ArgumentNullException.ThrowIfNull(spool);
        _spool = spool;
        _logger = logger;
        _buffer = new byte[Math.Max(bufferBytes, SpoolRecordFormat.HeaderSize + SpoolRecordFormat.MaxPayload)];
        _lastRead = after;
        var segments = ShareSpool.ListSegments(spool.Directory);
        _segmentFirst = segments.Count == 0 ? spool.Tail.SegmentFirstSequence : segments[0];
    }

    /// <summary>Sequence of the last record handed out.</summary>
    public long LastRead => _lastRead;

    /// <summary>Fills <paramref name="entries"/> with up to <paramref name="max"/> durable records after the last one read; returns how many.</summary>
    public int Read(List<SpoolEntry> entries, int max)
    {
        ArgumentNullException.ThrowIfNull(entries);
        entries.Clear();
        var filled = 0;
        while (entries.Count < max)
        {
            var tail = _spool.Tail;
            var active = _segmentFirst == tail.SegmentFirstSequence;
            _segment ??= OpenSegment();
            if (_segment is null)
            {
                return entries.Count;
            }

            var limit = active ? tail.Length : RandomAccess.GetLength(_segment);
            if (_offset >= limit)
            {
                if (active || !MoveToNextSegment())
                {
                    return entries.Count;
                }

                continue;
            }

            var room = _buffer.Length - filled;
            if (room < SpoolRecordFormat.HeaderSize + SpoolRecordFormat.MaxPayload)
            {
                return entries.Count;
            }

            var read = RandomAccess.Read(_segment, _buffer.AsSpan(filled, (int)Math.Min(room, limit - _offset)), _offset);
            var used = 0;
            while (entries.Count < max)
            {
                var size = SpoolRecordFormat.TryRead(_buffer.AsSpan(filled + used, read - used), out var sequence, out var type, out var length);
                if (size == 0)
                {
                    break;
                }

                if (size < 0)
                {
                    _logger.LogError("Spool segment {Segment} is corrupt at byte {Offset}; skipping to the next segment", _segmentFirst, _offset + used);
                    used = read;
                    _offset = limit;
                    break;
                }

                if (sequence > _lastRead)
                {
                    entries.Add(new SpoolEntry(sequence, type, _buffer.AsMemory(filled + used + SpoolRecordFormat.HeaderSize, length)));
                    _lastRead = sequence;
                }

                used += size;
            }

            _offset = Math.Min(limit, _offset + used);
            filled += used;
            if (used == 0)
            {
                return entries.Count;
            }
        }

        return entries.Count;
    }

    public void Dispose() => _segment?.Dispose();

    private SafeFileHandle? OpenSegment()
    {
        try
        {
            return File.OpenHandle(ShareSpool.SegmentPath(_spool.Directory, _segmentFirst), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (FileNotFoundException)
        {
            return MoveToNextSegment() ? _segment : null;
        }
    }

    private bool MoveToNextSegment()
    {
        var next = ShareSpool.ListSegments(_spool.Directory).FirstOrDefault(s => s > _segmentFirst);
        if (next == 0)
        {
            return false;
        }

        _segment?.Dispose();
        _segmentFirst = next;
        _offset = 0;
        _segment = File.OpenHandle(ShareSpool.SegmentPath(_spool.Directory, _segmentFirst), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return true;
    }
}
