using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Pool.Core.Mining;

namespace Pool.Ledger.Records;

/// <summary>
/// The text form of a share as the spool and the Redis stream hold it:
/// <c>shareId|miner|worker|difficulty|jobId|height|timeUnixMs|instanceId</c> in UTF-8,
/// difficulty in the shortest round-trip decimal form. Share leaves of a round's Merkle root hash exactly these bytes.
/// </summary>
public static class ShareRecord
{
    /// <summary>Separator between fields; no field may contain it.</summary>
    public const char Separator = '|';

    /// <summary>Longest record accepted, in bytes.</summary>
    public const int MaxLength = 4096;

    private const int FieldCount = 8;

    // Seven separators, a double (at most 24 chars), two longs (at most 20 each).
    private const int NumbersAndSeparators = 7 + 24 + 20 + 20;

    /// <summary>Throws <see cref="ArgumentException"/> naming the field of <paramref name="share"/> that cannot be recorded.</summary>
    public static void Validate(AcceptedShare share)
    {
        ArgumentNullException.ThrowIfNull(share);
        RecordText.CheckField(share.ShareId, "share id", allowEmpty: false);
        RecordText.CheckField(share.Miner, "miner address", allowEmpty: false);
        RecordText.CheckField(share.Worker, "worker name", allowEmpty: true);
        RecordText.CheckField(share.JobId, "job id", allowEmpty: true);
        RecordText.CheckField(share.InstanceId, "instance id", allowEmpty: true);
        if (!double.IsFinite(share.Difficulty) || share.Difficulty <= 0)
        {
            throw new ArgumentException($"share {share.ShareId}: credited difficulty must be a positive finite number, got {share.Difficulty}", nameof(share));
        }

        if (MaxByteCount(share) > MaxLength)
        {
            throw new ArgumentException($"share {share.ShareId}: the record could exceed {MaxLength} bytes; shorten the worker name or job id", nameof(share));
        }
    }

    /// <summary>Most bytes <see cref="Write"/> needs for <paramref name="share"/>.</summary>
    public static int MaxByteCount(AcceptedShare share)
    {
        ArgumentNullException.ThrowIfNull(share);
        var chars = share.ShareId.Length + share.Miner.Length + share.Worker.Length + share.JobId.Length + share.InstanceId.Length;
        return Encoding.UTF8.GetMaxByteCount(chars) + NumbersAndSeparators;
    }

    /// <summary>Writes a <see cref="Validate"/>d share's record into <paramref name="destination"/> without allocating; returns its length.</summary>
    public static int Write(AcceptedShare share, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(share);
        var at = 0;
        at += Encoding.UTF8.GetBytes(share.ShareId, destination[at..]);
        destination[at++] = (byte)Separator;
        at += Encoding.UTF8.GetBytes(share.Miner, destination[at..]);
        destination[at++] = (byte)Separator;
        at += Encoding.UTF8.GetBytes(share.Worker, destination[at..]);
        destination[at++] = (byte)Separator;
        share.Difficulty.TryFormat(destination[at..], out var written, "R", CultureInfo.InvariantCulture);
        at += written;
        destination[at++] = (byte)Separator;
        at += Encoding.UTF8.GetBytes(share.JobId, destination[at..]);
        destination[at++] = (byte)Separator;
        share.BlockHeight.TryFormat(destination[at..], out written, default, CultureInfo.InvariantCulture);
        at += written;
        destination[at++] = (byte)Separator;
        share.Time.ToUnixTimeMilliseconds().TryFormat(destination[at..], out written, default, CultureInfo.InvariantCulture);
        at += written;
        destination[at++] = (byte)Separator;
        at += Encoding.UTF8.GetBytes(share.InstanceId, destination[at..]);
        return at;
    }

    /// <summary>Encodes <paramref name="share"/> into a new array; throws <see cref="ArgumentException"/> naming the field that cannot be recorded.</summary>
    public static byte[] Encode(AcceptedShare share)
    {
        Validate(share);
        var buffer = new byte[MaxByteCount(share)];
        return buffer.AsSpan(0, Write(share, buffer)).ToArray();
    }

    /// <summary>Reads the fields the ledger aggregates, without allocating; false when the bytes are not a share record.</summary>
    public static bool TryParse(ReadOnlySpan<byte> record, out ShareFields fields)
    {
        fields = default;
        Span<Range> parts = stackalloc Range[FieldCount];
        if (!TrySplit(record, parts))
        {
            return false;
        }

        if (!Utf8Parser.TryParse(record[parts[3]], out double difficulty, out var used) || used != record[parts[3]].Length ||
            !Utf8Parser.TryParse(record[parts[5]], out long height, out used) || used != record[parts[5]].Length ||
            !Utf8Parser.TryParse(record[parts[6]], out long timeMs, out used) || used != record[parts[6]].Length)
        {
            return false;
        }

        fields = new ShareFields(parts[1], parts[2], difficulty, height, timeMs);
        return true;
    }

    private static bool TrySplit(ReadOnlySpan<byte> record, Span<Range> parts)
    {
        var start = 0;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            var next = record[start..].IndexOf((byte)Separator);
            if (next < 0)
            {
                return false;
            }

            parts[i] = new Range(start, start + next);
            start += next + 1;
        }

        if (record[start..].Contains((byte)Separator))
        {
            return false;
        }

        parts[^1] = new Range(start, record.Length);
        return true;
    }

    /// <summary>Decodes a whole record back into a share (network and actual difficulty are not recorded and come back as 0).</summary>
    public static bool TryDecode(ReadOnlySpan<byte> record, out AcceptedShare? share)
    {
        share = null;
        if (!TryParse(record, out var fields))
        {
            return false;
        }

        var parts = Encoding.UTF8.GetString(record).Split(Separator);
        share = new AcceptedShare(
            parts[0], parts[1], parts[2], fields.Difficulty, 0, 0, parts[4], fields.Height,
            DateTimeOffset.FromUnixTimeMilliseconds(fields.TimeUnixMs), parts[7], IsBlockCandidate: false);
        return true;
    }
}
