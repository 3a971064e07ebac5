using Pool.Host.Tests.Support;
using Pool.Testing;

namespace Pool.Host.Tests.Operations;

[Category("Integration")]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public class SystemdUnitTests
{
    [Test]
    public async Task Units_SystemdAnalyzeVerify_ReportsNothing()
    {
        // verify insists that ExecStart exists: point the copies at a stand-in for the installed binary.
        using var directory = new TempDirectory("units");
        var binary = directory.Combine("pool");
        await File.WriteAllTextAsync(binary, "#!/bin/sh\n");
        File.SetUnixFileMode(binary, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        var units = new[] { "systemd/pool.service", "settle/pool-settle.service", "settle/pool-settle.timer" }
            .Select(u => RepositoryFiles.Combine(["deploy", .. u.Split('/')]))
            .Select(u =>
            {
                var copy = directory.Combine(Path.GetFileName(u));
                File.WriteAllText(copy, File.ReadAllText(u).Replace("/usr/local/bin/pool", binary, StringComparison.Ordinal));
                return copy;
            })
            .ToArray();

        var (exitCode, output) = await CommandLineTool.RunAsync("systemd-analyze", ["verify", .. units]);

        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output.Trim(), Is.Empty);
    }

    [Test]
    public void PoolUnit_Secrets_ComeOnlyFromTheEnvironmentFile()
    {
        var unit = File.ReadAllText(RepositoryFiles.Combine("deploy", "systemd", "pool.service"));

        Assert.That(unit, Does.Contain("EnvironmentFile=/etc/pool/pool.env"));
        Assert.That(unit, Does.Not.Match(@"(?im)^Environment=.*(PASSWORD|KEY|SECRET)"));
        Assert.That(unit, Does.Contain("NoNewPrivileges=yes").And.Contain("ProtectSystem=strict").And.Contain("CapabilityBoundingSet="));
    }
}
