using Pool.Chain.Coins;
using Pool.Chain.Configuration;
using Pool.Chain.Rpc;
using Pool.Testing;

namespace Pool.Chain.Tests.Configuration;

public sealed class ChainOptionsValidatorTests
{
    [Test]
    public void Check_ValidLitecoinRegtest_NoErrors()
    {
        Assert.That(ChainOptionsValidator.Check(Valid()), Is.Empty);
    }

    [Test]
    public void Check_UnknownCoin_ListsCoins()
    {
        var options = Valid();
        options.Coin = "dogecoin";

        Assert.That(ChainOptionsValidator.Check(options), Has.Some.Contains("Chain:Coin 'dogecoin' is unknown; use one of: bitcoin, litecoin"));
    }

    [Test]
    public void Check_NetworkOfAnotherCoin_ListsNetworks()
    {
        var options = Valid();
        options.Network = "signet";

        Assert.That(ChainOptionsValidator.Check(options), Has.Some.Contains("not a litecoin network; use one of: main, testnet, regtest"));
    }

    [Test]
    public void Check_AddressOfWrongNetwork_Explains()
    {
        var options = Valid();
        options.PoolAddress = "ltc1qg42tkwuuxefutzxezdkdel39gfstuap288mfea";

        Assert.That(ChainOptionsValidator.Check(options), Has.Some.Contains("Chain:PoolAddress").And.Contains("litecoin main address"));
    }

    [Test]
    public void Check_EverythingWrong_OneMessagePerKey()
    {
        var options = Valid();
        options.NodeUrl = "localhost:9332";
        options.RpcUser = string.Empty;
        options.RpcCookieFile = string.Empty;
        options.PoolTag = new string('x', 21);
        options.Extranonce1Size = 1;
        options.Extranonce2Size = 9;
        options.JobRefreshSeconds = 0;
        options.JobHistorySize = 0;
        options.ZmqHashBlockEndpoint = "127.0.0.1:28332";

        var errors = ChainOptionsValidator.Check(options);

        Assert.That(errors, Has.Some.Contains("Chain:NodeUrl"));
        Assert.That(errors, Has.Some.Contains("RpcCookieFile"));
        Assert.That(errors, Has.Some.Contains("Chain:PoolTag is 21 bytes"));
        Assert.That(errors, Has.Some.Contains("Chain:Extranonce1Size is 1"));
        Assert.That(errors, Has.Some.Contains("Chain:Extranonce2Size is 9"));
        Assert.That(errors, Has.Some.Contains("Chain:JobRefreshSeconds"));
        Assert.That(errors, Has.Some.Contains("Chain:JobHistorySize"));
        Assert.That(errors, Has.Some.Contains("Chain:ZmqHashBlockEndpoint"));
        Assert.That(() => ChainOptionsValidator.ThrowIfInvalid(options), Throws.TypeOf<ChainConfigurationException>());
    }

    [Test]
    public void FromOptions_PasswordInFile_UsedAndNeverShown()
    {
        using var directory = new TempDirectory("chain-options");
        var file = directory.Combine("rpc-password");
        File.WriteAllText(file, "s3cret-value\n");
        var options = Valid();
        options.RpcCookieFile = string.Empty;
        options.RpcPasswordEnvironmentVariable = "POOL_TEST_UNSET_" + Guid.NewGuid().ToString("N");
        options.RpcPasswordFile = file;

        var credentials = NodeCredentials.FromOptions(options);

        Assert.That(credentials.GetHeader().Parameter, Is.EqualTo(Convert.ToBase64String("pool:s3cret-value"u8.ToArray())));
        Assert.That(credentials.ToString(), Does.Not.Contain("s3cret"));
    }

    [Test]
    public void FromOptions_NoPasswordAnywhere_SaysWhereToPutIt()
    {
        var options = Valid();
        options.RpcCookieFile = string.Empty;
        options.RpcPasswordEnvironmentVariable = "POOL_TEST_UNSET_" + Guid.NewGuid().ToString("N");

        Assert.That(() => NodeCredentials.FromOptions(options),
            Throws.TypeOf<ChainConfigurationException>().With.Message.Contains(options.RpcPasswordEnvironmentVariable));
    }

    private static ChainOptions Valid() => new()
    {
        Coin = "litecoin",
        Network = "regtest",
        NodeUrl = "http://127.0.0.1:19443/",
        RpcUser = "pool",
        RpcCookieFile = "/var/lib/litecoind/regtest/.cookie",
        PoolAddress = "rltc1q7enpml0khewkudkyjl6f8tk0welwrsc4sgd0e4",
    };
}
