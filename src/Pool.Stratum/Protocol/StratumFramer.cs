using System.Buffers;

namespace Pool.Stratum.Protocol;

/// <summary>Splits received bytes into newline-terminated lines: a pure function over the buffer.</summary>
public static class StratumFramer
{
    private const byte LineFeed = (byte)'\n';
    private const byte CarriageReturn = (byte)'\r';

    /// <summary>
    /// Finds the next line in <paramref name="buffer"/>. On <see cref="StratumFrameResult.Message"/>, <paramref name="message"/>
    /// is the line without its terminator (and without a trailing CR) and <paramref name="consumed"/> is just past the newline.
    /// <paramref name="examined"/> tells the pipe how far was looked at, so it waits for more bytes only when needed.
    /// </summary>
    public static StratumFrameResult TryParseMessage(
        in ReadOnlySequence<byte> buffer,
        int maxLineBytes,
        out ReadOnlySequence<byte> message,
        out SequencePosition consumed,
        out SequencePosition examined)
    {
        consumed = buffer.Start;
        examined = buffer.End;
        message = default;

        // Most lines arrive whole in the first segment: search it directly before falling back to the sequence reader.
        var first = buffer.FirstSpan;
        var index = first.IndexOf(LineFeed);
        if (index >= 0)
        {
            if (index > maxLineBytes)
            {
                return StratumFrameResult.TooLong;
            }

            message = buffer.Slice(0, index);
            consumed = buffer.GetPosition(index + 1);
            examined = consumed;
            message = TrimCarriageReturn(message);
            return StratumFrameResult.Message;
        }

        if (!buffer.IsSingleSegment)
        {
            var reader = new SequenceReader<byte>(buffer);
            if (reader.TryReadTo(out ReadOnlySequence<byte> line, LineFeed, advancePastDelimiter: true))
            {
                if (line.Length > maxLineBytes)
                {
                    return StratumFrameResult.TooLong;
                }

                message = TrimCarriageReturn(line);
                consumed = reader.Position;
                examined = consumed;
                return StratumFrameResult.Message;
            }
        }

        return buffer.Length > maxLineBytes ? StratumFrameResult.TooLong : StratumFrameResult.Incomplete;
    }

    private static ReadOnlySequence<byte> TrimCarriageReturn(ReadOnlySequence<byte> line)
    {
        if (line.Length > 0)
        {
            var last = line.Slice(line.Length - 1);
            if (last.FirstSpan[0] == CarriageReturn)
            {
                return line.Slice(0, line.Length - 1);
            }
        }

        return line;
    }
}
