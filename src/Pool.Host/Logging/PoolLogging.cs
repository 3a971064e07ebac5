using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Pool.Host.Logging;

/// <summary>Builds the process's logger factory: one line per event, as text or JSON, with scopes and UTC timestamps.</summary>
public static class PoolLogging
{
    /// <summary>Creates a logger factory writing to stdout in <paramref name="format"/> ("text" or "json").</summary>
    public static ILoggerFactory Create(string format, LogLevel minimum = LogLevel.Information) =>
        LoggerFactory.Create(builder =>
        {
            builder.SetMinimumLevel(minimum);
            builder.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
            builder.AddFilter("Microsoft.Hosting", LogLevel.Warning);
            builder.AddFilter("System.Net.Http", LogLevel.Warning);
            if (format == "json")
            {
                builder.AddJsonConsole(o =>
                {
                    o.UseUtcTimestamp = true;
                    o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                    o.IncludeScopes = true;
                });
            }
            else
            {
                builder.AddSimpleConsole(o =>
                {
                    o.SingleLine = true;
                    o.UseUtcTimestamp = true;
                    o.TimestampFormat = "HH:mm:ss.fff ";
                    o.ColorBehavior = LoggerColorBehavior.Disabled;
                });
            }
        });
}
