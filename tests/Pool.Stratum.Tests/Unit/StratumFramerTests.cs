using System.Buffers;
using System.Text;
using Pool.Stratum.Protocol;

namespace Pool.Stratum.Tests.Unit;

public class StratumFramerTests
{
    [Test]
    public void TryParseMessage_OneLine_ReturnsLineWithoutNewline()
    {
        var buffer = new ReadOnlySequence<byte>("{\"a\":1}\n{\"b\""u8.ToArray());

        var result = StratumFramer.TryParseMessage(buffer, 4096, out var line, out var consumed, out _);

        Assert.That(result, Is.EqualTo(StratumFrameResult.Message));
        Assert.That(Encoding.UTF8.GetString(line.ToArray()), Is.EqualTo("{\"a\":1}"));
        Assert.That(buffer.Slice(consumed).Length, Is.EqualTo(4));
    }

    [Test]
    public void TryParseMessage_CarriageReturnLineFeed_DropsBoth()
    {
        var buffer = new ReadOnlySequence<byte>("abc\r\n"u8.ToArray());

        StratumFramer.TryParseMessage(buffer, 4096, out var line, out _, out _);

        Assert.That(Encoding.UTF8.GetString(line.ToArray()), Is.EqualTo("abc"));
    }

    [Test]
    public void TryParseMessage_LineSplitAcrossSegments_Found()
    {
        var buffer = Segments("{\"id\":", "1,\"x\"", ":2}\nrest");

        var result = StratumFramer.TryParseMessage(buffer, 4096, out var line, out var consumed, out _);

        Assert.That(result, Is.EqualTo(StratumFrameResult.Message));
        Assert.That(Encoding.UTF8.GetString(line.ToArray()), Is.EqualTo("{\"id\":1,\"x\":2}"));
        Assert.That(Encoding.UTF8.GetString(buffer.Slice(consumed).ToArray()), Is.EqualTo("rest"));
    }

    [Test]
    public void TryParseMessage_NoNewlineYet_Incomplete()
    {
        var buffer = Segments("{\"id\":", "1");

        Assert.That(StratumFramer.TryParseMessage(buffer, 4096, out _, out _, out _), Is.EqualTo(StratumFrameResult.Incomplete));
    }

    [Test]
    public void TryParseMessage_NoNewlineBeyondLimit_TooLong()
    {
        var buffer = new ReadOnlySequence<byte>(new byte[5000]);

        Assert.That(StratumFramer.TryParseMessage(buffer, 4096, out _, out _, out _), Is.EqualTo(StratumFrameResult.TooLong));
    }

    [Test]
    public void TryParseMessage_CompleteLineBeyondLimitInSegments_TooLong()
    {
        var buffer = Segments(new string('a', 3000), new string('b', 3000) + "\n");

        Assert.That(StratumFramer.TryParseMessage(buffer, 4096, out _, out _, out _), Is.EqualTo(StratumFrameResult.TooLong));
    }

    [Test]
    public void TryParseMessage_LineExactlyAtLimit_Accepted()
    {
        var buffer = new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(new string('a', 4096) + "\n"));

        Assert.That(StratumFramer.TryParseMessage(buffer, 4096, out var line, out _, out _), Is.EqualTo(StratumFrameResult.Message));
        Assert.That(line.Length, Is.EqualTo(4096));
    }

    private static ReadOnlySequence<byte> Segments(params string[] parts)
    {
        var first = new Segment(Encoding.UTF8.GetBytes(parts[0]), 0);
        var last = first;
        foreach (var part in parts.Skip(1))
        {
            last = last.Append(Encoding.UTF8.GetBytes(part));
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(byte[] data, long runningIndex)
        {
            Memory = data;
            RunningIndex = runningIndex;
        }

        public Segment Append(byte[] data)
        {
            var next = new Segment(data, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
