using Pool.Settlement.Addresses;
using Pool.Testing;
using StackExchange.Redis;

namespace Pool.Settlement.Tests;

[Category("Integration")]
public class RedisTokenAddressBookTests
{
    // EIP-55 test vector from the EIP.
    private const string Checksummed = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";

    private RedisServer _redis = null!;
    private ConnectionMultiplexer _connection = null!;
    private RedisTokenAddressBook _book = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _redis = await RedisServer.StartAsync();
        _connection = await ConnectionMultiplexer.ConnectAsync(_redis.ConnectionString);
        _book = new RedisTokenAddressBook(_connection.GetDatabase(), "pool:");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _connection.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Test]
    public async Task SetTokenAddressAsync_LowerCase_StoredChecksummed()
    {
        await _book.SetTokenAddressAsync("ltc1qminer1", Checksummed.ToLowerInvariant());
        Assert.That(await _book.GetTokenAddressAsync("ltc1qminer1"), Is.EqualTo(Checksummed));
    }

    [Test]
    public async Task SetTokenAddressAsync_ValidChecksum_ReplacesEarlierAddress()
    {
        await _book.SetTokenAddressAsync("ltc1qminer2", "0x" + new string('1', 40));
        await _book.SetTokenAddressAsync("ltc1qminer2", Checksummed);
        Assert.That(await _book.GetTokenAddressAsync("ltc1qminer2"), Is.EqualTo(Checksummed));
    }

    [TestCase("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", "EIP-55")]
    [TestCase("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beae", "40 hex digits")]
    [TestCase("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "40 hex digits")]
    [TestCase("0xzaaeb6053f3e94c9b9a09f33669435e7ef1beaed", "40 hex digits")]
    [TestCase("0x0000000000000000000000000000000000000000", "zero address")]
    [TestCase("", "empty")]
    public async Task SetTokenAddressAsync_InvalidAddress_ThrowsClearMessageAndStoresNothing(string address, string expected)
    {
        var error = Assert.ThrowsAsync<ArgumentException>(() => _book.SetTokenAddressAsync("ltc1qbad", address));

        Assert.That(error!.Message, Does.Contain(expected));
        Assert.That(await _book.GetTokenAddressAsync("ltc1qbad"), Is.Null);
    }

    [Test]
    public async Task GetTokenAddressesAsync_SomeUnknown_NullForUnknown()
    {
        await _book.SetTokenAddressAsync("ltc1qknown", Checksummed);

        var addresses = await _book.GetTokenAddressesAsync(["ltc1qknown", "ltc1qunknown"]);

        Assert.That(addresses["ltc1qknown"], Is.EqualTo(Checksummed));
        Assert.That(addresses["ltc1qunknown"], Is.Null);
    }
}
