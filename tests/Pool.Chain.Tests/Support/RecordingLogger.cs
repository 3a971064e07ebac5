using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Pool.Chain.Tests.Support;

/// <summary>A logger that keeps every line (Debug and up) so tests can assert what was logged; Information and up also go to the test output.</summary>
public sealed class RecordingLogger : ILogger
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> _lines = new();

    /// <summary>Every line logged so far, oldest first.</summary>
    public IReadOnlyList<(LogLevel Level, string Message)> Lines => [.. _lines];

    /// <summary>Lines at <paramref name="level"/> containing <paramref name="text"/>.</summary>
    public int Count(LogLevel level, string text) =>
        _lines.Count(l => l.Level == level && l.Message.Contains(text, StringComparison.Ordinal));

    /// <summary>Waits until <paramref name="done"/> holds, checking every few milliseconds; false on timeout.</summary>
    public async Task<bool> WaitUntilAsync(Func<RecordingLogger, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!done(this))
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(5);
        }

        return true;
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var message = formatter(state, exception);
        _lines.Enqueue((logLevel, message));
        if (logLevel >= LogLevel.Information)
        {
            TestContext.Out.WriteLine($"{logLevel} TemplateWatcher: {message}{(exception is null ? string.Empty : " " + exception.Message)}");
        }
    }
}
