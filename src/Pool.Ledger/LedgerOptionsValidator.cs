using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Pool.Ledger;

/// <summary>Checks <see cref="LedgerOptions"/> at start, with messages that say what to fix.</summary>
public sealed class LedgerOptionsValidator : IValidateOptions<LedgerOptions>
{
    private const string Section = LedgerOptions.SectionName;

    /// <summary>Validates and throws <see cref="OptionsValidationException"/> listing every problem.</summary>
    public static void ThrowIfInvalid(LedgerOptions options)
    {
        var result = new LedgerOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Section, typeof(LedgerOptions), result.Failures);
        }
    }

    public ValidateOptionsResult Validate(string? name, LedgerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        CheckRedis(options, errors);
        CheckId(options.PoolId, nameof(LedgerOptions.PoolId), "e.g. \"ltc\"", errors);
        CheckId(options.InstanceId, nameof(LedgerOptions.InstanceId), "e.g. the host name", errors);
        if (string.IsNullOrWhiteSpace(options.SpoolDirectory))
        {
            errors.Add($"{Section}:{nameof(LedgerOptions.SpoolDirectory)} is empty: set a local directory for the write-ahead spool (one per instance)");
        }

        if (options.SpoolSegmentBytes < 64 * 1024)
        {
            errors.Add($"{Section}:{nameof(LedgerOptions.SpoolSegmentBytes)} is {options.SpoolSegmentBytes}: use at least 65536");
        }

        if (options.BatchSize is < 1 or > 100_000)
        {
            errors.Add($"{Section}:{nameof(LedgerOptions.BatchSize)} is {options.BatchSize}: use 1 to 100000 shares");
        }

        if (options.BatchLinger < TimeSpan.Zero || options.BatchLinger > TimeSpan.FromSeconds(1))
        {
            errors.Add($"{Section}:{nameof(LedgerOptions.BatchLinger)} is {options.BatchLinger}: use 0 to 1 second");
        }

        if (!double.IsFinite(options.PplnsWindowFactor) || options.PplnsWindowFactor <= 0 || options.PplnsWindowFactor > 1000)
        {
            errors.Add($"{Section}:{nameof(LedgerOptions.PplnsWindowFactor)} is {options.PplnsWindowFactor}: use a number above 0 (2 is usual)");
        }

        if (options.MaturityConfirmations < 1)
        {
            errors.Add($"{Section}:{nameof(LedgerOptions.MaturityConfirmations)} is {options.MaturityConfirmations}: use at least 1 (100 on Bitcoin and Litecoin)");
        }

        if (options.Retention < TimeSpan.FromMinutes(1))
        {
            errors.Add($"{Section}:{nameof(LedgerOptions.Retention)} is {options.Retention}: keep shares at least a minute (days are usual)");
        }

        if (options.StatusCheckInterval < TimeSpan.FromMilliseconds(10))
        {
            errors.Add($"{Section}:{nameof(LedgerOptions.StatusCheckInterval)} is {options.StatusCheckInterval}: use at least 10 ms (a minute is usual)");
        }

        if (options.MaxRetryDelay < TimeSpan.FromMilliseconds(10))
        {
            errors.Add($"{Section}:{nameof(LedgerOptions.MaxRetryDelay)} is {options.MaxRetryDelay}: use at least 10 ms");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckRedis(LedgerOptions options, List<string> errors)
    {
        const string key = $"{Section}:{nameof(LedgerOptions.RedisConfiguration)}";
        if (string.IsNullOrWhiteSpace(options.RedisConfiguration))
        {
            errors.Add($"{key} is empty: set host:port of Redis (e.g. 127.0.0.1:6379)");
            return;
        }

        try
        {
            var parsed = ConfigurationOptions.Parse(options.RedisConfiguration);
            if (parsed.EndPoints.Count == 0)
            {
                errors.Add($"{key} names no endpoint: set host:port of Redis");
            }

            if (!string.IsNullOrEmpty(parsed.Password))
            {
                errors.Add($"{key} contains a password: remove it and put it in the environment variable named by {nameof(LedgerOptions.RedisPasswordVariable)}");
            }
        }
        catch (ArgumentException e)
        {
            errors.Add($"{key} cannot be parsed: {e.Message}");
        }
    }

    private static void CheckId(string value, string property, string example, List<string> errors)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 64 || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            errors.Add($"{Section}:{property} is '{value}': use 1 to 64 letters, digits, '-', '_' or '.' ({example})");
        }
    }
}
