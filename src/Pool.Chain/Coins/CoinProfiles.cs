using NBitcoin;
using Pool.Core.Pow;

namespace Pool.Chain.Coins;

/// <summary>The coins the pool can mine, by config name.</summary>
public static class CoinProfiles
{
    private const string SegwitRule = "segwit";
    private const string MwebRule = "mweb";
    private const int BitcoinFamilyCoinbaseMaturity = 100;

    /// <summary>Bitcoin: SHA-256d; main, testnet3, testnet4, signet, regtest.</summary>
    public static CoinProfile Bitcoin { get; } = new(
        "bitcoin",
        Sha256dPow.Instance,
        BitcoinFamilyCoinbaseMaturity,
        [SegwitRule],
        hasExtensionBlocks: false,
        new Dictionary<string, Network>(StringComparer.OrdinalIgnoreCase)
        {
            ["main"] = Network.Main,
            ["testnet3"] = Network.TestNet,
            ["testnet4"] = NBitcoin.Bitcoin.Instance.Testnet4,
            ["signet"] = NBitcoin.Bitcoin.Instance.Signet,
            ["regtest"] = Network.RegTest,
        });

    /// <summary>Litecoin: scrypt; main, testnet, regtest; templates need the MWEB rule besides segwit.</summary>
    public static CoinProfile Litecoin { get; } = new(
        "litecoin",
        ScryptPow.Instance,
        BitcoinFamilyCoinbaseMaturity,
        [MwebRule, SegwitRule],
        hasExtensionBlocks: true,
        new Dictionary<string, Network>(StringComparer.OrdinalIgnoreCase)
        {
            ["main"] = LitecoinNetworks.Main,
            ["testnet"] = LitecoinNetworks.Test,
            ["regtest"] = LitecoinNetworks.Reg,
        });

    /// <summary>Every known profile.</summary>
    public static IReadOnlyList<CoinProfile> All { get; } = [Bitcoin, Litecoin];

    /// <summary>Finds a profile by config name (case-insensitive).</summary>
    public static bool TryGet(string name, out CoinProfile profile)
    {
        profile = All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))!;
        return profile is not null;
    }

    /// <summary>The profile for a config name; throws with the known names when there is none.</summary>
    public static CoinProfile Get(string name) =>
        TryGet(name, out var profile)
            ? profile
            : throw new ChainConfigurationException(
                $"unknown coin '{name}'; use one of: {string.Join(", ", All.Select(p => p.Name))}");
}
