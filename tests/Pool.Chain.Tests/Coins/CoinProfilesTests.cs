using Pool.Chain.Coins;
using Pool.Core.Pow;

namespace Pool.Chain.Tests.Coins;

public sealed class CoinProfilesTests
{
    [TestCase("litecoin", "regtest", "rltc1q7enpml0khewkudkyjl6f8tk0welwrsc4sgd0e4")]
    [TestCase("litecoin", "regtest", "mh7Hja6NArL63UbeXq2YENoTf3YxxdLVHs")]
    [TestCase("litecoin", "regtest", "QeAuirot4Fhe7jHjeUBzH3hbF2j6ychUNg")]
    [TestCase("litecoin", "main", "ltc1qg42tkwuuxefutzxezdkdel39gfstuap288mfea")]
    [TestCase("litecoin", "main", "LTVdcw8fdTTK4TcebTZ4jiiCbvTXaRxZNh")]
    [TestCase("bitcoin", "main", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq")]
    [TestCase("bitcoin", "regtest", "bcrt1qs758ursh4q9z627kt3pp5yysm78ddny6txaqgw")]
    [TestCase("bitcoin", "testnet4", "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx")]
    public void ParseAddress_AddressOfThatNetwork_Parses(string coin, string network, string address)
    {
        var parsed = CoinProfiles.Get(coin).ParseAddress(address, network);

        Assert.That(parsed.ToString(), Is.EqualTo(address));
    }

    [Test]
    public void ParseAddress_MainnetAddressOnRegtest_SaysWhichNetworkItIs()
    {
        Assert.That(() => CoinProfiles.Litecoin.ParseAddress("ltc1qg42tkwuuxefutzxezdkdel39gfstuap288mfea", "regtest"),
            Throws.TypeOf<ChainConfigurationException>().With.Message.Contains("litecoin main address"));
    }

    [Test]
    public void ParseAddress_BitcoinAddressForLitecoin_SaysNotOfThisCoin()
    {
        Assert.That(() => CoinProfiles.Litecoin.ParseAddress("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "main"),
            Throws.TypeOf<ChainConfigurationException>().With.Message.Contains("not a valid address of this coin"));
    }

    [Test]
    public void ParseAddress_Garbage_SaysInvalid()
    {
        Assert.That(() => CoinProfiles.Bitcoin.ParseAddress("not-an-address", "main"),
            Throws.TypeOf<ChainConfigurationException>().With.Message.Contains("cannot be used on bitcoin main"));
    }

    [Test]
    public void GetNetwork_Unknown_ListsKnownNetworks()
    {
        Assert.That(() => CoinProfiles.Litecoin.GetNetwork("testnet4"),
            Throws.TypeOf<ChainConfigurationException>().With.Message.Contains("main, testnet, regtest"));
    }

    // Genesis hashes from Litecoin Core's chain parameters: checks prefixes and genesis data were wired to the right network.
    [TestCase("main", "12a765e31ffd4059bada1e25190f6e98c99d9714d334efa41a195a7e7e04bfe2")]
    [TestCase("testnet", "4966625a4b2851d9fdee139e56211a0d88575f59ed816ff5e6a63deb4e3e29a0")]
    [TestCase("regtest", "530827f38f93b43ed12af0b3ad25a288dc02ed74d6d7857862df51fc56c416f9")]
    public void LitecoinNetwork_Genesis_MatchesLitecoinCore(string network, string genesisHash)
    {
        Assert.That(CoinProfiles.Litecoin.GetNetwork(network).GenesisHash.ToString(), Is.EqualTo(genesisHash));
    }

    [Test]
    public void Profiles_ProofOfWorkAndRules_MatchTheCoin()
    {
        Assert.That(CoinProfiles.Bitcoin.Pow, Is.SameAs(Sha256dPow.Instance));
        Assert.That(CoinProfiles.Litecoin.Pow, Is.SameAs(ScryptPow.Instance));
        Assert.That(CoinProfiles.Bitcoin.TemplateRules, Is.EquivalentTo(new[] { "segwit" }));
        Assert.That(CoinProfiles.Litecoin.TemplateRules, Is.EquivalentTo(new[] { "segwit", "mweb" }));
        Assert.That(CoinProfiles.Litecoin.CoinbaseMaturity, Is.EqualTo(100));
        Assert.That(CoinProfiles.Bitcoin.NetworkNames, Is.EquivalentTo(new[] { "main", "testnet3", "testnet4", "signet", "regtest" }));
    }

    [Test]
    public void Get_UnknownCoin_ListsKnownCoins()
    {
        Assert.That(() => CoinProfiles.Get("dogecoin"), Throws.TypeOf<ChainConfigurationException>().With.Message.Contains("bitcoin, litecoin"));
    }
}
