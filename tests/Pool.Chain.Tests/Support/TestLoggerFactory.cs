using Microsoft.Extensions.Logging;

namespace Pool.Chain.Tests.Support;

/// <summary>Writes log lines to the NUnit test output, so a failing run shows what the chain side saw.</summary>
public sealed class TestLoggerFactory : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new TestLogger(categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class TestLogger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var line = $"{logLevel} {category.Split('.')[^1]}: {formatter(state, exception)}";
            TestContext.Out.WriteLine(line.Length > 400 ? line[..400] + "…" : line);
        }
    }
}
