using Microsoft.Extensions.Options;

namespace Pool.Ledger.Tests;

public class LedgerOptionsValidatorTests
{
    private static LedgerOptions Valid() => LedgerFixture.CreateOptions("127.0.0.1:6379", "/tmp/spool");

    [Test]
    public void Validate_SampleOptions_Succeeds()
    {
        Assert.That(new LedgerOptionsValidator().Validate(null, Valid()).Succeeded, Is.True);
    }

    [Test]
    public void Validate_PasswordInConfiguration_SaysToUseTheEnvironment()
    {
        var options = Valid();
        options.RedisConfiguration = "127.0.0.1:6379,password=hunter2";

        var result = new LedgerOptionsValidator().Validate(null, options);

        Assert.That(result.Failures, Has.One.Contains("RedisPasswordVariable"));
        Assert.That(string.Join('\n', result.Failures!), Does.Not.Contain("hunter2"), "a secret is never echoed");
    }

    [Test]
    public void ThrowIfInvalid_SeveralProblems_ListsEveryOneWithItsKey()
    {
        var options = Valid();
        options.PoolId = "bad id{";
        options.InstanceId = string.Empty;
        options.SpoolDirectory = " ";
        options.BatchSize = 0;
        options.PplnsWindowFactor = 0;
        options.MaturityConfirmations = 0;
        options.Retention = TimeSpan.Zero;

        var error = Assert.Throws<OptionsValidationException>(() => LedgerOptionsValidator.ThrowIfInvalid(options));

        Assert.That(error!.Failures.Count(), Is.EqualTo(7));
        Assert.That(error.Failures, Has.One.StartsWith("Ledger:PoolId"));
        Assert.That(error.Failures, Has.One.StartsWith("Ledger:SpoolDirectory"));
        Assert.That(error.Failures, Has.One.StartsWith("Ledger:PplnsWindowFactor"));
    }

    [Test]
    public void Constructor_InvalidOptions_Throws()
    {
        var options = Valid();
        options.BatchSize = -1;

        Assert.Throws<OptionsValidationException>(() => _ = new RedisShareLedger(options, null!, Microsoft.Extensions.Logging.Abstractions.NullLogger<RedisShareLedger>.Instance));
    }
}
