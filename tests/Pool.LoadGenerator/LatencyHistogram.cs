namespace Pool.LoadGenerator;

/// <summary>Lock-free latency histogram with 1 µs buckets up to 100 ms and an overflow bucket.</summary>
public sealed class LatencyHistogram
{
    private const int MaxMicroseconds = 100_000;
    private readonly long[] _buckets = new long[MaxMicroseconds + 1];
    private long _count;

    /// <summary>Samples recorded.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>Records one latency.</summary>
    public void Record(TimeSpan latency)
    {
        var micros = (long)latency.TotalMicroseconds;
        Interlocked.Increment(ref _buckets[Math.Clamp(micros, 0, MaxMicroseconds)]);
        Interlocked.Increment(ref _count);
    }

    /// <summary>Forgets every sample (after a warm-up).</summary>
    public void Reset()
    {
        Array.Clear(_buckets);
        Interlocked.Exchange(ref _count, 0);
    }

    /// <summary>The latency at quantile <paramref name="q"/> (0..1), in milliseconds; the overflow bucket reads as 100 ms.</summary>
    public double QuantileMilliseconds(double q)
    {
        var total = Count;
        if (total == 0)
        {
            return double.NaN;
        }

        var rank = (long)Math.Ceiling(q * total);
        long seen = 0;
        for (var i = 0; i < _buckets.Length; i++)
        {
            seen += Interlocked.Read(ref _buckets[i]);
            if (seen >= rank)
            {
                return i / 1000.0;
            }
        }

        return MaxMicroseconds / 1000.0;
    }
}
