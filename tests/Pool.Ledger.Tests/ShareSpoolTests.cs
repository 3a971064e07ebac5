using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Pool.Ledger.Spool;
using Pool.Testing;

namespace Pool.Ledger.Tests;

public class ShareSpoolTests
{
    private static ShareSpool Open(string directory, long segmentBytes = 1 << 20) =>
        ShareSpool.Open(directory, segmentBytes, fsync: false, NullLogger.Instance);

    private static List<string> ReadAll(ShareSpool spool, long after)
    {
        using var cursor = new SpoolCursor(spool, after, NullLogger.Instance, bufferBytes: 256 * 1024);
        var all = new List<string>();
        var batch = new List<SpoolEntry>();
        while (cursor.Read(batch, 100) > 0)
        {
            all.AddRange(batch.Select(e => $"{e.Sequence}:{e.Type}:{Encoding.UTF8.GetString(e.Payload.Span)}"));
        }

        return all;
    }

    [Test]
    public async Task AppendAsync_ConcurrentAppends_ReadBackInSequenceOrder()
    {
        using var directory = new TempDirectory("spool");
        await using var spool = Open(directory.Path);

        await Task.WhenAll(Enumerable.Range(0, 500).Select(i => spool.AppendAsync(SpoolRecordType.Share, Encoding.UTF8.GetBytes("r" + i)).AsTask()));

        var read = ReadAll(spool, 0);
        Assert.That(read, Has.Count.EqualTo(500));
        Assert.That(read.Select(r => long.Parse(r.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(Enumerable.Range(1, 500).Select(i => (long)i)));
        Assert.That(read.Select(r => r.Split(':')[2]).Distinct().Count(), Is.EqualTo(500));
    }

    [Test]
    public async Task Open_AfterTornLastRecord_CutsItAndContinuesTheSequence()
    {
        using var directory = new TempDirectory("spool");
        await using (var spool = Open(directory.Path))
        {
            await spool.AppendAsync(SpoolRecordType.Share, "one"u8.ToArray());
            await spool.AppendAsync(SpoolRecordType.Block, "two"u8.ToArray());
        }

        // A crash in the middle of a write leaves part of a record.
        var segment = Directory.GetFiles(directory.Path, "segment-*").Single();
        await using (var file = new FileStream(segment, FileMode.Append))
        {
            await file.WriteAsync(new byte[] { 40, 0, 0, 0, 1, 2, 3 });
        }

        await using var reopened = Open(directory.Path);
        await reopened.AppendAsync(SpoolRecordType.Share, "three"u8.ToArray());

        Assert.That(ReadAll(reopened, 0), Is.EqualTo(new[] { "1:Share:one", "2:Block:two", "3:Share:three" }));
    }

    [Test]
    public async Task SaveCheckpoint_AfterReopen_CursorStartsAfterIt()
    {
        using var directory = new TempDirectory("spool");
        await using (var spool = Open(directory.Path))
        {
            for (var i = 1; i <= 5; i++)
            {
                await spool.AppendAsync(SpoolRecordType.Share, Encoding.UTF8.GetBytes("r" + i));
            }

            spool.SaveCheckpoint(3);
        }

        await using var reopened = Open(directory.Path);

        Assert.That(reopened.CheckpointSequence, Is.EqualTo(3));
        Assert.That(reopened.Depth, Is.EqualTo(2));
        Assert.That(ReadAll(reopened, reopened.CheckpointSequence), Is.EqualTo(new[] { "4:Share:r4", "5:Share:r5" }));
    }

    [Test]
    public async Task AppendAsync_PastSegmentSize_RollsSegmentsAndDeletesCheckpointedOnes()
    {
        using var directory = new TempDirectory("spool");
        await using var spool = Open(directory.Path, segmentBytes: 64 * 1024);
        var payload = new byte[1000];
        for (var i = 0; i < 300; i++)
        {
            await spool.AppendAsync(SpoolRecordType.Share, payload);
        }

        var segmentsBefore = Directory.GetFiles(directory.Path, "segment-*").Length;
        var all = ReadAll(spool, 0);
        spool.SaveCheckpoint(300);

        Assert.That(segmentsBefore, Is.GreaterThan(3));
        Assert.That(all, Has.Count.EqualTo(300));
        Assert.That(Directory.GetFiles(directory.Path, "segment-*"), Has.Length.EqualTo(1));
    }

    [Test]
    public async Task Open_DirectoryInUse_ThrowsSayingSo()
    {
        using var directory = new TempDirectory("spool");
        await using var spool = Open(directory.Path);

        var error = Assert.Throws<IOException>(() => Open(directory.Path));

        Assert.That(error!.Message, Does.Contain("in use"));
    }
}
