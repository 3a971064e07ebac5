using System.Diagnostics;

namespace Pool.Testing;

/// <summary>Waits for something a real server does a moment later: polls a condition until it holds or time runs out.</summary>
public static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> every 100 ms; throws <see cref="TimeoutException"/> naming <paramref name="what"/> (and <paramref name="explain"/>'s text) after <paramref name="timeout"/> (30 s by default).</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null, Func<string>? explain = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var clock = Stopwatch.StartNew();
        while (!await condition().ConfigureAwait(false))
        {
            if (clock.Elapsed > limit)
            {
                var detail = explain is null ? string.Empty : "\n" + explain();
                throw new TimeoutException($"timed out after {limit.TotalSeconds:0} s waiting for {what}{detail}");
            }

            await Task.Delay(100).ConfigureAwait(false);
        }
    }

    /// <summary>The same for a condition that needs no I/O.</summary>
    public static Task HoldsAsync(Func<bool> condition, string what, TimeSpan? timeout = null, Func<string>? explain = null) =>
        HoldsAsync(() => Task.FromResult(condition()), what, timeout, explain);
}
