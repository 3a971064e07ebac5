using Pool.Ledger.Redis;
using Pool.Testing;

namespace Pool.Ledger.Tests;

[Category("Integration")]
public class RedisDurabilityCheckTests
{
    [Test]
    public async Task CheckAsync_NoAppendOnlyAndEvictingPolicy_WarnsAboutBoth()
    {
        await using var redis = await RedisServer.StartAsync("--maxmemory-policy", "allkeys-lru");
        await using var connection = await LedgerRedisConnection.ConnectAsync(LedgerFixture.CreateOptions(redis.ConnectionString, "/tmp/unused"));

        var warnings = await RedisDurabilityCheck.CheckAsync(connection);

        Assert.That(warnings, Has.Count.EqualTo(2));
        Assert.That(warnings, Has.One.Contains("maxmemory-policy allkeys-lru"));
        Assert.That(warnings, Has.One.Contains("appendonly"));
    }

    [Test]
    public async Task CheckAsync_AppendOnlyNoEviction_HasNothingToSay()
    {
        await using var redis = await RedisServer.StartAsync("--appendonly", "yes");
        await using var connection = await LedgerRedisConnection.ConnectAsync(LedgerFixture.CreateOptions(redis.ConnectionString, "/tmp/unused"));

        Assert.That(await RedisDurabilityCheck.CheckAsync(connection), Is.Empty);
    }
}
