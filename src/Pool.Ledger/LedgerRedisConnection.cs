using StackExchange.Redis;

namespace Pool.Ledger;

/// <summary>Opens the ledger's Redis connection from <see cref="LedgerOptions"/>, the password taken from the environment.</summary>
public static class LedgerRedisConnection
{
    /// <summary>
    /// Connects without failing when Redis is down (the ledger spools until it is back) and reconnects on its own.
    /// </summary>
    public static async Task<ConnectionMultiplexer> ConnectAsync(LedgerOptions options, TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configuration = ConfigurationOptions.Parse(options.RedisConfiguration);
        var password = Environment.GetEnvironmentVariable(options.RedisPasswordVariable);
        if (!string.IsNullOrEmpty(password))
        {
            configuration.Password = password;
        }

        configuration.AbortOnConnectFail = false;
        configuration.ReconnectRetryPolicy = new ExponentialRetry(250, 5000);
        configuration.ClientName ??= "pool-ledger-" + options.InstanceId;
        return await ConnectionMultiplexer.ConnectAsync(configuration, log).ConfigureAwait(false);
    }
}
