using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using Pool.Chain.Coins;

namespace Pool.Chain.Configuration;

/// <summary>Checks <see cref="ChainOptions"/> at start; every message names the key and says what to fix.</summary>
public sealed class ChainOptionsValidator : IValidateOptions<ChainOptions>
{
    /// <summary>Longest pool tag in bytes.</summary>
    public const int MaxPoolTagBytes = 20;

    public ValidateOptionsResult Validate(string? name, ChainOptions options)
    {
        var errors = Check(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Throws a <see cref="ChainConfigurationException"/> listing every problem.</summary>
    public static void ThrowIfInvalid(ChainOptions options)
    {
        var errors = Check(options);
        if (errors.Count > 0)
        {
            throw new ChainConfigurationException("chain configuration: " + string.Join("; ", errors));
        }
    }

    /// <summary>All problems found, empty when the options are usable.</summary>
    public static IReadOnlyList<string> Check(ChainOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (!CoinProfiles.TryGet(options.Coin, out var profile))
        {
            errors.Add($"Chain:Coin '{options.Coin}' is unknown; use one of: {string.Join(", ", CoinProfiles.All.Select(p => p.Name))}");
        }
        else if (!profile.TryGetNetwork(options.Network, out _))
        {
            errors.Add($"Chain:Network '{options.Network}' is not a {profile.Name} network; use one of: {string.Join(", ", profile.NetworkNames)}");
        }
        else
        {
            try
            {
                profile.ParseAddress(options.PoolAddress, options.Network);
            }
            catch (ChainConfigurationException e)
            {
                errors.Add("Chain:PoolAddress: " + e.Message);
            }
        }

        if (!Uri.TryCreate(options.NodeUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"Chain:NodeUrl '{options.NodeUrl}' is not an http(s) URL; set it to the node's RPC address, e.g. http://127.0.0.1:9332/");
        }

        if (string.IsNullOrEmpty(options.RpcCookieFile) && string.IsNullOrEmpty(options.RpcUser))
        {
            errors.Add("Chain: set RpcCookieFile to the node's .cookie file, or RpcUser with the password in the environment variable named by RpcPasswordEnvironmentVariable or in RpcPasswordFile");
        }

        if (Encoding.UTF8.GetByteCount(options.PoolTag ?? string.Empty) > MaxPoolTagBytes)
        {
            errors.Add($"Chain:PoolTag is {Encoding.UTF8.GetByteCount(options.PoolTag!)} bytes; shorten it to at most {MaxPoolTagBytes} bytes");
        }

        CheckRange(errors, "Extranonce1Size", options.Extranonce1Size, 2, 8);
        CheckRange(errors, "Extranonce2Size", options.Extranonce2Size, 2, 8);
        CheckPositive(errors, "RpcTimeoutSeconds", options.RpcTimeoutSeconds);
        CheckPositive(errors, "LongPollTimeoutSeconds", options.LongPollTimeoutSeconds);
        CheckPositive(errors, "JobRefreshSeconds", options.JobRefreshSeconds);
        CheckRange(errors, "JobHistorySize", options.JobHistorySize, 1, 1024);
        CheckRange(errors, "BlockPollIntervalMilliseconds", options.BlockPollIntervalMilliseconds, 10, 60_000);
        CheckRange(errors, "RetryInitialDelayMilliseconds", options.RetryInitialDelayMilliseconds, 1, 60_000);
        CheckRange(errors, "RetryMaxDelayMilliseconds", options.RetryMaxDelayMilliseconds, options.RetryInitialDelayMilliseconds, 600_000);
        CheckRange(errors, "RpcAttempts", options.RpcAttempts, 1, 100);
        if (!string.IsNullOrEmpty(options.ZmqHashBlockEndpoint) && !options.ZmqHashBlockEndpoint.StartsWith("tcp://", StringComparison.Ordinal))
        {
            errors.Add($"Chain:ZmqHashBlockEndpoint '{options.ZmqHashBlockEndpoint}' must look like tcp://127.0.0.1:28332, or be empty to rely on longpoll");
        }

        return errors;
    }

    private static void CheckRange(List<string> errors, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"Chain:{key} is {value}; set it between {min} and {max}"));
        }
    }

    private static void CheckPositive(List<string> errors, string key, double value)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"Chain:{key} is {value}; set a positive number"));
        }
    }
}
