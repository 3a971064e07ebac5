using System.Globalization;

namespace Pool.LoadGenerator;

/// <summary>What the load generator does: how many connections, how fast, for how long, against which server.</summary>
public sealed class LoadOptions
{
    /// <summary>Server host (loopback only).</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Server Stratum port.</summary>
    public int Port { get; set; } = 3333;

    /// <summary>Connections to open and hold.</summary>
    public int Connections { get; set; } = 10_000;

    /// <summary>Total submits per second across all connections.</summary>
    public int Rate { get; set; } = 20_000;

    /// <summary>Measured seconds of submitting, after every connection is ready.</summary>
    public int DurationSeconds { get; set; } = 20;

    /// <summary>Seconds of submitting at the same rate before measuring, so JIT tiering and pool warm-up do not count.</summary>
    public int WarmupSeconds { get; set; } = 5;

    /// <summary>Payout address the load authorizes as.</summary>
    public string Address { get; set; } = string.Empty;

    /// <summary>Password sent with mining.authorize (a starting difficulty such as d=0.000001 makes every hash a share).</summary>
    public string Password { get; set; } = "x";

    /// <summary>Server process id, to read its resident memory before and after the connections are held.</summary>
    public int? ServerPid { get; set; }

    /// <summary>Parses --name value pairs; returns an error message or null.</summary>
    public static string? TryParse(string[] args, out LoadOptions options)
    {
        options = new LoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            if (i + 1 >= args.Length)
            {
                return $"option {args[i]} needs a value";
            }

            var value = args[++i];
            switch (args[i - 1])
            {
                case "--host": options.Host = value; break;
                case "--port": options.Port = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--connections": options.Connections = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--rate": options.Rate = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--duration": options.DurationSeconds = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--warmup": options.WarmupSeconds = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--address": options.Address = value; break;
                case "--password": options.Password = value; break;
                case "--server-pid": options.ServerPid = int.Parse(value, CultureInfo.InvariantCulture); break;
                default: return $"unknown option {args[i - 1]}";
            }
        }

        if (options.Host is not ("127.0.0.1" or "localhost" or "::1"))
        {
            return "the load generator only targets loopback (127.0.0.1, localhost, ::1)";
        }

        if (string.IsNullOrEmpty(options.Address))
        {
            return "--address is required: a payout address valid for the pool's coin and network";
        }

        return options.Connections < 1 || options.Rate < 1 || options.DurationSeconds < 1 || options.WarmupSeconds < 0
            ? "--connections, --rate and --duration must be positive, --warmup not negative"
            : null;
    }
}
