using Microsoft.Extensions.Configuration;

namespace Pool.Host.Configuration;

/// <summary>Loads the pool's configuration: a JSON file from config/, then environment variables prefixed POOL_ (POOL_Chain__RpcUrl sets Chain:RpcUrl).</summary>
public static class PoolConfiguration
{
    /// <summary>Environment prefix; double underscores separate sections.</summary>
    public const string EnvironmentPrefix = "POOL_";

    /// <summary>Builds the configuration from <paramref name="configFile"/> (required) and the environment.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist; the message names it.</exception>
    /// <exception cref="ConfigurationException">The file is not valid JSON; the message says where.</exception>
    public static IConfigurationRoot Load(string configFile)
    {
        var path = Path.GetFullPath(configFile);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"config file '{path}' does not exist: pass --config FILE (examples are in config/)", path);
        }

        try
        {
            return new ConfigurationBuilder()
                .AddJsonFile(path, optional: false, reloadOnChange: false)
                .AddEnvironmentVariables(EnvironmentPrefix)
                .Build();
        }
        catch (InvalidDataException e)
        {
            // The parser's position (line and byte) sits a few inner exceptions down.
            var reasons = new List<string>();
            for (Exception? reason = e; reason is not null; reason = reason.InnerException)
            {
                reasons.Add(reason.Message);
            }

            throw new ConfigurationException([string.Join(" ", reasons)]);
        }
    }

    /// <summary>Binds section <paramref name="section"/> to a new <typeparamref name="T"/>, failing on keys the type does not have.</summary>
    /// <exception cref="ConfigurationException">A key is unknown or a value has the wrong type.</exception>
    public static T Bind<T>(IConfiguration configuration, string section)
        where T : new()
    {
        var options = new T();
        try
        {
            configuration.GetSection(section).Bind(options, o => o.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException e)
        {
            throw new ConfigurationException([$"{section}: {e.Message}"]);
        }

        return options;
    }
}
