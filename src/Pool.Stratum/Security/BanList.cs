using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Pool.Stratum.Options;

namespace Pool.Stratum.Security;

/// <summary>
/// Bans IP addresses whose share of invalid submits crosses the configured ratio, for a configured time. Bans are logged
/// as warnings when issued and when they lapse, and expire on the injected clock.
/// </summary>
public sealed class BanList(BanOptions options, TimeProvider time, ILogger logger)
{
    private readonly ConcurrentDictionary<IPAddress, Record> _records = new();

    /// <summary>Raised when an address is banned, with the moment the ban ends.</summary>
    public event Action<IPAddress, DateTimeOffset>? Banned;

    /// <summary>Counts one submit from <paramref name="address"/>; true when this one got the address banned.</summary>
    public bool RecordShare(IPAddress address, bool valid)
    {
        if (!options.Enabled)
        {
            return false;
        }

        var record = _records.GetOrAdd(address, _ => new Record());
        DateTimeOffset until;
        double ratio;
        lock (record)
        {
            if (valid)
            {
                record.Valid++;
            }
            else
            {
                record.Invalid++;
            }

            var total = record.Valid + record.Invalid;
            ratio = (double)record.Invalid / total;
            if (total < options.MinimumShares || ratio < options.InvalidShareRatio)
            {
                return false;
            }

            until = time.GetUtcNow() + options.Duration;
            record.BannedUntil = until;
            record.Valid = 0;
            record.Invalid = 0;
        }

        logger.LogWarning("Banned {Address} until {Until:O}: {Ratio:P0} of its shares were invalid", address, until, ratio);
        Banned?.Invoke(address, until);
        return true;
    }

    /// <summary>True while <paramref name="address"/> is banned.</summary>
    public bool IsBanned(IPAddress address)
    {
        if (!_records.TryGetValue(address, out var record))
        {
            return false;
        }

        lock (record)
        {
            if (record.BannedUntil is not { } until)
            {
                return false;
            }

            if (time.GetUtcNow() < until)
            {
                return true;
            }

            record.BannedUntil = null;
        }

        logger.LogWarning("Ban of {Address} expired", address);
        return false;
    }

    private sealed class Record
    {
        public long Valid { get; set; }

        public long Invalid { get; set; }

        public DateTimeOffset? BannedUntil { get; set; }
    }
}
