using System.Diagnostics;
using NUnit.Framework;

namespace Pool.Testing;

/// <summary>Waits for something a real server does a moment later: polls a condition until it holds or time runs out.</summary>
public static class Eventually
{
    /// <summary>
    /// Polls <paramref name="condition"/> every 100 ms; throws <see cref="TimeoutException"/> naming <paramref name="what"/> (and
    /// <paramref name="explain"/>'s text) after <paramref name="timeout"/> (30 s by default). A condition that throws counts as
    /// not holding yet (a server still starting refuses connections), and the last such exception is reported on timeout;
    /// a failed NUnit assertion and a cancellation (other than an HttpClient timeout) end the wait at once.
    /// </summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null, Func<string>? explain = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var clock = Stopwatch.StartNew();
        Exception? last = null;
        while (true)
        {
            try
            {
                if (await condition().ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (Exception e) when (e is not ResultStateException and not OperationCanceledException || e.InnerException is TimeoutException)
            {
                // An HttpClient timeout is a server too busy to answer yet, not a cancelled wait.
                last = e;
            }

            if (clock.Elapsed > limit)
            {
                var detail = explain is null ? string.Empty : "\n" + explain();
                var error = last is null ? string.Empty : $"\nthe condition last threw {last.GetType().Name}: {last.Message}";
                throw new TimeoutException($"timed out after {limit.TotalSeconds:0} s waiting for {what}{error}{detail}", last);
            }

            await Task.Delay(100).ConfigureAwait(false);
        }
    }

    /// <summary>The same for a condition that needs no I/O.</summary>
    public static Task HoldsAsync(Func<bool> condition, string what, TimeSpan? timeout = null, Func<string>? explain = null) =>
        HoldsAsync(() => Task.FromResult(condition()), what, timeout, explain);
}
