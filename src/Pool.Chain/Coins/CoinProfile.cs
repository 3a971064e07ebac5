using System.Diagnostics.CodeAnalysis;
using NBitcoin;
using Pool.Core.Pow;

namespace Pool.Chain.Coins;

/// <summary>What the pool needs to know about one coin: proof of work, template rules, maturity and its networks.</summary>
public sealed class CoinProfile
{
    private readonly IReadOnlyDictionary<string, Network> _networks;

    /// <summary>Creates a profile; <paramref name="networks"/> maps config network names to NBitcoin networks.</summary>
    public CoinProfile(
        string name,
        PowAlgorithm pow,
        int coinbaseMaturity,
        IReadOnlyList<string> templateRules,
        bool hasExtensionBlocks,
        IReadOnlyDictionary<string, Network> networks)
    {
        Name = name;
        Pow = pow;
        CoinbaseMaturity = coinbaseMaturity;
        TemplateRules = templateRules;
        HasExtensionBlocks = hasExtensionBlocks;
        _networks = networks;
    }

    /// <summary>Name as used in config ("bitcoin", "litecoin").</summary>
    public string Name { get; }

    /// <summary>The coin's proof-of-work function.</summary>
    public PowAlgorithm Pow { get; }

    /// <summary>Blocks a coinbase output must wait before it can be spent.</summary>
    public int CoinbaseMaturity { get; }

    /// <summary>Rules getblocktemplate must be called with (e.g. "segwit", and "mweb" for Litecoin).</summary>
    public IReadOnlyList<string> TemplateRules { get; }

    /// <summary>True when templates may carry an extension block (Litecoin's MWEB) to append after the transactions.</summary>
    public bool HasExtensionBlocks { get; }

    /// <summary>Network names accepted in config.</summary>
    public IEnumerable<string> NetworkNames => _networks.Keys;

    /// <summary>Looks up a network by its config name.</summary>
    public bool TryGetNetwork(string networkName, out Network network) =>
        _networks.TryGetValue(networkName, out network!);

    /// <summary>The network for a config name; throws with the accepted names when it is unknown.</summary>
    public Network GetNetwork(string networkName)
    {
        if (!TryGetNetwork(networkName, out var network))
        {
            throw new ChainConfigurationException(
                $"coin '{Name}' has no network '{networkName}'; use one of: {string.Join(", ", NetworkNames)}");
        }

        return network;
    }

    /// <summary>
    /// Parses the pool's payout address for a network; throws with a message that says whether the address is
    /// malformed or belongs to another network.
    /// </summary>
    public BitcoinAddress ParseAddress(string address, string networkName)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            GetNetwork(networkName);
            throw new ChainConfigurationException($"the pool address is empty: set a {Name} {networkName} address");
        }

        return TryParseAddress(address, networkName, out var parsed, out var reason)
            ? parsed
            : throw new ChainConfigurationException($"the pool address '{address}' cannot be used on {Name} {networkName}: {reason}");
    }

    /// <summary>
    /// Parses any address (a miner's payout address too) for a network; when it fails, <paramref name="reason"/> says
    /// whether it is malformed or belongs to another network of this coin.
    /// </summary>
    public bool TryParseAddress(string address, string networkName, [NotNullWhen(true)] out BitcoinAddress? parsed, out string reason)
    {
        var network = GetNetwork(networkName);
        parsed = TryCreate(address, network);
        if (parsed is not null)
        {
            reason = string.Empty;
            return true;
        }

        var other = _networks.FirstOrDefault(n => n.Key != networkName && TryCreate(address, n.Value) is not null);
        reason = other.Value is not null
            ? $"it is a {Name} {other.Key} address, not {networkName}"
            : "it is not a valid address of this coin";
        return false;
    }

    public override string ToString() => Name;

    private static BitcoinAddress? TryCreate(string address, Network network)
    {
        try
        {
            return BitcoinAddress.Create(address.Trim(), network);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
