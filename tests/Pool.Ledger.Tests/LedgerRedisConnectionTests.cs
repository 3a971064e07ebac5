using Pool.Testing;

namespace Pool.Ledger.Tests;

[Category("Integration")]
public class LedgerRedisConnectionTests
{
    [Test]
    public async Task ConnectAsync_PasswordInNamedEnvironmentVariable_AuthenticatesAndRecords()
    {
        await using var redis = await RedisServer.StartAsync("--requirepass", "env-secret-1");
        var variable = "POOL_TEST_REDIS_PASSWORD_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, "env-secret-1");
        try
        {
            await using var fixture = await LedgerFixture.StartAsync(redis.ConnectionString, o => o.RedisPasswordVariable = variable);

            await fixture.Ledger.RecordAsync(TestShares.Share("s1", "A", 1));
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await fixture.Ledger.FlushAsync(timeout.Token);

            Assert.That(await fixture.StreamShareIdsAsync(), Is.EqualTo(new[] { "s1" }));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }
}
