using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace Pool.Ledger.Spool;

/// <summary>
/// The write-ahead spool: an append-only log of shares and found blocks in segment files, each record written (write(), so it
/// survives a killed process) before its append completes, plus the checkpoint of what Redis already holds.
/// One process per directory (an exclusive lock file enforces it).
/// </summary>
public sealed partial class ShareSpool : IAsyncDisposable
{
    private const string LockFileName = "spool.lock";
    private const string EpochFileName = "epoch";
    private const string CheckpointFileName = "checkpoint";
    private const string SegmentPrefix = "segment-";
    private const string SegmentSuffix = ".log";

    private readonly string _directory;
    private readonly long _segmentBytes;
    private readonly bool _fsync;
    private readonly ILogger _logger;
    private readonly FileStream _lock;
    private readonly SpoolCheckpoint _checkpoint;
    private SafeFileHandle _segment;
    private volatile SpoolTail _tail;
    private long _oldestSegment;

    private ShareSpool(string directory, long segmentBytes, bool fsync, ILogger logger, FileStream lockFile, string epoch, SpoolCheckpoint checkpoint, SafeFileHandle segment, SpoolTail tail)
    {
        _directory = directory;
        _segmentBytes = segmentBytes;
        _fsync = fsync;
        _logger = logger;
        _lock = lockFile;
        Epoch = epoch;
        _checkpoint = checkpoint;
        _segment = segment;
        _tail = tail;
        _lastSequence = tail.Sequence;
        _oldestSegment = ListSegments(directory).FirstOrDefault(tail.SegmentFirstSequence);
    }

    /// <summary>Random id of this spool, made when the directory was first used; with the instance id it names the spool in Redis.</summary>
    public string Epoch { get; }

    /// <summary>Highest sequence durable in the spool.</summary>
    public long DurableSequence => _tail.Sequence;

    /// <summary>Highest sequence known to be in Redis.</summary>
    public long CheckpointSequence => _checkpoint.Value;

    /// <summary>Records in the spool not yet known to be in Redis.</summary>
    public long Depth => Math.Max(0, DurableSequence - CheckpointSequence);

    internal SpoolTail Tail => _tail;

    internal string Directory => _directory;

    /// <summary>Opens (or creates) the spool in <paramref name="directory"/>, cutting off a torn last record left by a crash.</summary>
    public static ShareSpool Open(string directory, long segmentBytes, bool fsync, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        System.IO.Directory.CreateDirectory(directory);
        FileStream lockFile;
        try
        {
            lockFile = new FileStream(Path.Combine(directory, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new IOException($"the spool directory {directory} is in use by another process; give each pool instance its own spool directory", e);
        }

        var epoch = ReadOrCreateEpoch(Path.Combine(directory, EpochFileName));
        var checkpoint = new SpoolCheckpoint(Path.Combine(directory, CheckpointFileName));
        var segments = ListSegments(directory);
        long segmentFirst;
        long length = 0;
        var lastSequence = checkpoint.Value;
        if (segments.Count == 0)
        {
            segmentFirst = checkpoint.Value + 1;
        }
        else
        {
            segmentFirst = segments[^1];
            (length, var lastInSegment) = Recover(SegmentPath(directory, segmentFirst), logger);
            lastSequence = Math.Max(lastSequence, Math.Max(lastInSegment, segmentFirst - 1));
        }

        var handle = File.OpenHandle(SegmentPath(directory, segmentFirst), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        logger.LogInformation("Spool {Directory} opened: epoch {Epoch}, records up to {Sequence}, Redis has up to {Checkpoint}", directory, epoch, lastSequence, checkpoint.Value);
        return new ShareSpool(directory, segmentBytes, fsync, logger, lockFile, epoch, checkpoint, handle, new SpoolTail(segmentFirst, length, lastSequence));
    }

    /// <summary>Records that Redis holds everything up to <paramref name="sequence"/>, and deletes segments no longer needed.</summary>
    public void SaveCheckpoint(long sequence)
    {
        _checkpoint.Save(sequence);
        var active = _tail.SegmentFirstSequence;
        if (_oldestSegment == active)
        {
            return;
        }

        var segments = ListSegments(_directory);
        for (var i = 0; i + 1 < segments.Count && segments[i] != active; i++)
        {
            if (segments[i + 1] - 1 <= _checkpoint.Value)
            {
                File.Delete(SegmentPath(_directory, segments[i]));
            }
        }

        _oldestSegment = ListSegments(_directory).FirstOrDefault(active);
    }

    public async ValueTask DisposeAsync()
    {
        await StopWriterAsync().ConfigureAwait(false);
        _segment.Dispose();
        _checkpoint.Dispose();
        await _lock.DisposeAsync().ConfigureAwait(false);
    }

    internal static List<long> ListSegments(string directory)
    {
        var segments = new List<long>();
        foreach (var path in System.IO.Directory.EnumerateFiles(directory, SegmentPrefix + "*" + SegmentSuffix))
        {
            var name = Path.GetFileName(path);
            var digits = name[SegmentPrefix.Length..^SegmentSuffix.Length];
            if (long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var first))
            {
                segments.Add(first);
            }
        }

        segments.Sort();
        return segments;
    }

    internal static string SegmentPath(string directory, long firstSequence) =>
        Path.Combine(directory, SegmentPrefix + firstSequence.ToString("D19", CultureInfo.InvariantCulture) + SegmentSuffix);

    private static string ReadOrCreateEpoch(string path)
    {
        if (File.Exists(path))
        {
            var text = File.ReadAllText(path).Trim();
            if (text.Length > 0)
            {
                return text;
            }
        }

        var epoch = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        File.WriteAllText(path + ".tmp", epoch);
        File.Move(path + ".tmp", path, overwrite: true);
        return epoch;
    }

    // Scans the last segment; a record cut off by a crash (never acknowledged) is truncated away.
    private static (long Length, long LastSequence) Recover(string path, ILogger logger)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        var fileLength = RandomAccess.GetLength(handle);
        var buffer = new byte[1 << 20];
        long offset = 0;
        long last = 0;
        while (offset < fileLength)
        {
            var read = RandomAccess.Read(handle, buffer, offset);
            var span = buffer.AsSpan(0, read);
            var used = 0;
            int size;
            while ((size = SpoolRecordFormat.TryRead(span[used..], out var sequence, out _, out _)) > 0)
            {
                last = sequence;
                used += size;
            }

            offset += used;
            if (size < 0 || used == 0)
            {
                break;
            }
        }

        if (offset < fileLength)
        {
            logger.LogWarning("Spool segment {Path}: cut {Bytes} bytes of an incomplete last record (written during a crash, never acknowledged)", path, fileLength - offset);
            RandomAccess.SetLength(handle, offset);
        }

        return (offset, last);
    }
}
