namespace Pool.Chain.Rpc;

/// <summary>Exponential back-off: the delay doubles from <see cref="InitialDelay"/> up to <see cref="MaxDelay"/>.</summary>
/// <param name="InitialDelay">Delay before the second attempt.</param>
/// <param name="MaxDelay">Longest delay.</param>
/// <param name="Attempts">Attempts per call, the first included.</param>
public sealed record RetryBackoff(TimeSpan InitialDelay, TimeSpan MaxDelay, int Attempts)
{
    /// <summary>Defaults: 250 ms doubling to 10 s, five attempts.</summary>
    public static RetryBackoff Default { get; } = new(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(10), 5);

    /// <summary>The delay after failed attempt number <paramref name="failures"/> (1 = first failure).</summary>
    public TimeSpan DelayAfter(int failures)
    {
        var exponent = Math.Clamp(failures - 1, 0, 30);
        var ticks = InitialDelay.Ticks * Math.Pow(2, exponent);
        return ticks >= MaxDelay.Ticks ? MaxDelay : TimeSpan.FromTicks((long)ticks);
    }
}
