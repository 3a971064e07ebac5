using System.Text.RegularExpressions;
using Pool.Settlement.Commands;
using Pool.Testing;

namespace Pool.Settlement.Tests;

[Category("Integration")]
public partial class TokenCommandTests
{
    private AnvilNode _anvil = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _anvil = await AnvilNode.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _anvil.DisposeAsync();

    [Test]
    public async Task Deploy_DevKeyThenStatus_TokenLiveWithEightDecimalsAndSettlerRole()
    {
        var (code, stdout, stderr) = await RunAsync(["deploy", "--rpc", _anvil.RpcUrl.ToString(), "--dev", "--symbol", "pLTC"], []);
        Assert.That(code, Is.EqualTo(SettleExitCodes.Ok), stderr);
        var token = TokenLine().Match(stdout).Groups[1].Value;

        var env = new Dictionary<string, string>(StringComparer.Ordinal) { [EnvironmentNames.SettlerKey] = AnvilNode.DevPrivateKey(1) };
        var (statusCode, status, statusErrors) = await RunAsync(["status", "--rpc", _anvil.RpcUrl.ToString(), "--token", token], env);

        Assert.That(statusCode, Is.EqualTo(SettleExitCodes.Ok), statusErrors);
        Assert.That(status, Does.Contain("(pLTC), 8 decimals, total supply 0"));
        Assert.That(status, Does.Contain("has the settler role"));
        Assert.That(status, Does.Contain("settlement open"));
    }

    [Test]
    public async Task Deploy_AdminSameAsSettler_RefusedWithReason()
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [EnvironmentNames.DeployerKey] = AnvilNode.DevPrivateKey(2),
            [EnvironmentNames.SettlerKey] = AnvilNode.DevPrivateKey(1),
        };
        var settler = Pool.Settlement.Chain.TransactionSigner.AddressOf(AnvilNode.DevPrivateKey(1));

        var (code, _, stderr) = await RunAsync(["deploy", "--rpc", _anvil.RpcUrl.ToString(), "--admin", settler], env);

        Assert.That(code, Is.EqualTo(SettleExitCodes.Usage));
        Assert.That(stderr, Does.Contain("must be different keys"));
    }

    [Test]
    public async Task Status_NoContractAtAddress_ExitsOne()
    {
        var (code, _, stderr) = await RunAsync(["status", "--rpc", _anvil.RpcUrl.ToString(), "--token", "0x" + new string('4', 40)], []);

        Assert.That(code, Is.EqualTo(SettleExitCodes.Failed));
        Assert.That(stderr, Does.Contain("no contract at"));
    }

    [Test]
    public async Task RunAsync_UnknownVerb_ExitsUsage()
    {
        var (code, _, stderr) = await RunAsync(["mint"], []);
        Assert.That(code, Is.EqualTo(SettleExitCodes.Usage));
        Assert.That(stderr, Does.Contain("usage: pool token deploy"));
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string[] args, Dictionary<string, string> env)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await new TokenCommand(name => env.GetValueOrDefault(name)).RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [GeneratedRegex("POOL_TOKEN_ADDRESS=(0x[0-9a-fA-F]{40})")]
    private static partial Regex TokenLine();
}
