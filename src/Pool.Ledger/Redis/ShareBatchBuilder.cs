using System.Buffers;
using System.Globalization;
using System.Text;
using Pool.Ledger.Records;
using Pool.Ledger.Spool;
using StackExchange.Redis;

namespace Pool.Ledger.Redis;

/// <summary>
/// Turns a run of spooled shares into the arguments of one <see cref="LedgerScripts.PushShares"/> call: one stream page holding
/// the records in order, plus per-batch sums (round scores per miner, hashrate buckets per minute and hour), so Redis does one increment per
/// miner and bucket instead of one per share. Reused batch after batch; the page buffer stays valid until the next build.
/// </summary>
internal sealed class ShareBatchBuilder
{
    /// <summary>How long a minute bucket is kept, in seconds.</summary>
    public const int MinuteBucketTtlSeconds = 2 * 3600;

    /// <summary>How long an hour bucket is kept, in seconds.</summary>
    public const int HourBucketTtlSeconds = 26 * 3600;

    private static readonly (HashrateBucketSize Size, long Seconds)[] BucketWidths = [(HashrateBucketSize.Minute, 60), (HashrateBucketSize.Hour, 3600)];

    private readonly Dictionary<string, double> _scores = new(StringComparer.Ordinal);
    private readonly Dictionary<(HashrateBucketSize Size, long Start), Dictionary<string, double>> _buckets = [];
    private static readonly byte[] PageSeparator = [(byte)SharePage.Separator];

    private readonly List<RedisValue> _arguments = [];
    private ArrayBufferWriter<byte> _page = new(1 << 20);
    private readonly char[] _chars = new char[2 * ShareRecord.MaxLength + 8];

    /// <summary>Builds the script arguments for <paramref name="shares"/>; <paramref name="skipped"/> counts records that were not share records.</summary>
    public RedisValue[] Build(string prefix, string spool, IReadOnlyList<SpoolEntry> shares, out int skipped)
    {
        _scores.Clear();
        _buckets.Clear();
        _arguments.Clear();
        _arguments.Add(prefix);
        _arguments.Add(spool);
        _arguments.Add(shares[0].Sequence);
        _arguments.Add(shares[^1].Sequence);
        var countIndex = _arguments.Count;
        _arguments.Add(0);
        _arguments.Add(RedisValue.Null);
        _page.ResetWrittenCount();
        var work = 0.0;
        skipped = 0;
        foreach (var entry in shares)
        {
            var record = entry.Payload.Span;
            if (!ShareRecord.TryParse(record, out var fields))
            {
                skipped++;
                continue;
            }

            if (_page.WrittenCount > 0)
            {
                _page.Write(PageSeparator);
            }

            _page.Write(record);
            work += fields.Difficulty;
            Aggregate(record, fields);
        }

        _arguments[countIndex] = shares.Count - skipped;
        _arguments[countIndex + 1] = _page.WrittenMemory;
        _arguments.Add(_scores.Count);
        foreach (var (miner, score) in _scores)
        {
            _arguments.Add(miner);
            _arguments.Add(Format(score));
        }

        _arguments.Add(Format(work));
        _arguments.Add(_buckets.Count);
        foreach (var ((size, start), fields) in _buckets)
        {
            _arguments.Add(LedgerKeys.HashrateBucketSuffix(size, start));
            _arguments.Add(size == HashrateBucketSize.Minute ? MinuteBucketTtlSeconds : HourBucketTtlSeconds);
            _arguments.Add(fields.Count);
            foreach (var (field, sum) in fields)
            {
                _arguments.Add(field);
                _arguments.Add(Format(sum));
            }
        }

        return [.. _arguments];
    }

    /// <summary>
    /// Leaves the current page buffer to a call that failed: the client may still send it from its backlog later, so it must
    /// not be overwritten by the next batch.
    /// </summary>
    public void AbandonPage() => _page = new ArrayBufferWriter<byte>(1 << 20);

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private void Aggregate(ReadOnlySpan<byte> record, ShareFields fields)
    {
        // Build "m:<miner>" and "w:<miner>|<worker>" in one char buffer and look them up without allocating when seen before.
        var chars = _chars.AsSpan();
        "w:".CopyTo(chars);
        var minerLength = Encoding.UTF8.GetChars(record[fields.Miner], chars[2..]);
        chars[2 + minerLength] = ShareRecord.Separator;
        var workerLength = Encoding.UTF8.GetChars(record[fields.Worker], chars[(3 + minerLength)..]);
        var miner = chars.Slice(2, minerLength);
        var workerField = chars[..(3 + minerLength + workerLength)];

        Add(_scores, miner, fields.Difficulty);
        var seconds = fields.TimeUnixMs / 1000;
        foreach (var (size, width) in BucketWidths)
        {
            var key = (size, seconds - (((seconds % width) + width) % width));
            if (!_buckets.TryGetValue(key, out var bucket))
            {
                bucket = new Dictionary<string, double>(StringComparer.Ordinal);
                _buckets[key] = bucket;
            }

            Add(bucket, LedgerKeys.PoolField, fields.Difficulty);
            Add(bucket, workerField, fields.Difficulty);
            chars[1] = ':';
            chars[0] = 'm';
            Add(bucket, chars[..(2 + minerLength)], fields.Difficulty);
            chars[0] = 'w';
        }
    }

    private static void Add(Dictionary<string, double> sums, ReadOnlySpan<char> key, double value)
    {
        var lookup = sums.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(key, out var sum))
        {
            lookup[key] = sum + value;
        }
        else
        {
            sums[key.ToString()] = value;
        }
    }
}
