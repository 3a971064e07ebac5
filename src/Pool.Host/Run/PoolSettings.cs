using System.Globalization;
using Microsoft.Extensions.Configuration;
using Pool.Chain.Configuration;
using Pool.Host.Configuration;
using Pool.Ledger;
using Pool.Stratum.Options;
using Pool.Stratum.Security;

namespace Pool.Host.Run;

/// <summary>Every section `pool run` needs, bound from the configuration and checked together so one start names every problem.</summary>
public sealed class PoolSettings
{
    private PoolSettings(HostOptions host, ChainOptions chain, StratumOptions stratum, LedgerOptions ledger, string tokenKeyPrefix)
    {
        Host = host;
        Chain = chain;
        Stratum = stratum;
        Ledger = ledger;
        TokenKeyPrefix = tokenKeyPrefix;
    }

    /// <summary>The process's own settings.</summary>
    public HostOptions Host { get; }

    /// <summary>Coin, node and coinbase settings.</summary>
    public ChainOptions Chain { get; }

    /// <summary>Ports, difficulty, vardiff, bans.</summary>
    public StratumOptions Stratum { get; }

    /// <summary>Redis ledger and spool.</summary>
    public LedgerOptions Ledger { get; }

    /// <summary>Redis key prefix under which miners' token addresses are kept (Settlement:KeyPrefix), shared with `pool settle`.</summary>
    public string TokenKeyPrefix { get; }

    /// <summary>Binds and validates; throws <see cref="ConfigurationException"/> listing every problem found.</summary>
    public static PoolSettings Load(IConfiguration configuration)
    {
        var problems = new List<string>();
        var host = Bind<HostOptions>(configuration, HostOptions.SectionName, problems);
        var chain = Bind<ChainOptions>(configuration, ChainOptions.SectionName, problems);
        var stratum = Bind<StratumOptions>(configuration, "Stratum", problems);
        var ledger = Bind<LedgerOptions>(configuration, LedgerOptions.SectionName, problems);
        var tokenKeyPrefix = configuration["Settlement:KeyPrefix"] ?? "pool:";
        if (problems.Count > 0)
        {
            throw new ConfigurationException(problems);
        }

        // One instance id names this process everywhere.
        stratum.InstanceId = host.InstanceId;
        if (string.IsNullOrEmpty(ledger.InstanceId))
        {
            ledger.InstanceId = host.InstanceId;
        }

        problems.AddRange(host.Validate());
        problems.AddRange(ChainOptionsValidator.Check(chain));
        problems.AddRange(stratum.Validate().Select(p => "Stratum:" + p));
        var ledgerResult = new LedgerOptionsValidator().Validate(null, ledger);
        if (ledgerResult.Failed)
        {
            problems.AddRange(ledgerResult.Failures);
        }

        CheckExtranonceAgreement(chain, stratum, problems);
        if (problems.Count > 0)
        {
            throw new ConfigurationException(problems);
        }

        return new PoolSettings(host, chain, stratum, ledger, tokenKeyPrefix);
    }

    // The server hands out extranonce1 and the chain side leaves room for it in the coinbase: they must agree to the byte.
    private static void CheckExtranonceAgreement(ChainOptions chain, StratumOptions stratum, List<string> problems)
    {
        if (chain.Extranonce1Size != ExtranonceAllocator.Size)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"Chain:Extranonce1Size is {chain.Extranonce1Size} but the Stratum server hands out {ExtranonceAllocator.Size}-byte extranonce1 values: set it to {ExtranonceAllocator.Size}"));
        }

        if (chain.Extranonce2Size != stratum.Extranonce2Size)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"Chain:Extranonce2Size ({chain.Extranonce2Size}) and Stratum:Extranonce2Size ({stratum.Extranonce2Size}) differ: set both to the same size"));
        }
    }

    private static T Bind<T>(IConfiguration configuration, string section, List<string> problems)
        where T : new()
    {
        try
        {
            return PoolConfiguration.Bind<T>(configuration, section);
        }
        catch (ConfigurationException e)
        {
            problems.AddRange(e.Problems);
            return new T();
        }
    }
}
