using System.Diagnostics;
using Pool.Settlement.Contracts;
using Pool.Testing;

namespace Pool.Settlement.Tests;

public class RewardTokenArtifactTests
{
    [Test]
    public async Task Recompile_PinnedSolc_MatchesEmbeddedArtifactByteForByte()
    {
        var root = RepositoryFiles.Root;
        Assert.That(Directory.Exists(Path.Combine(root, "node_modules", "solc")), Is.True, "the pinned solc is missing: run `npm ci` at the repository root (or `make test`)");
        using var temp = new TempDirectory("solc");
        var output = temp.Combine("RewardToken.json");
        var info = new ProcessStartInfo("node") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "src/Pool.Settlement/Contracts/build.mjs", "--out", output })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.Zero, await errors);

        Assert.That(await File.ReadAllBytesAsync(output), Is.EqualTo(RewardTokenArtifact.ReadEmbeddedBytes()));
    }

    [Test]
    public void Current_EmbeddedArtifact_HasSettleAbiAndPinnedCompiler()
    {
        var artifact = RewardTokenArtifact.Current;
        Assert.That(artifact.Abi, Does.Contain("\"settle\"").And.Contain("\"isSettled\"").And.Contain("\"Settled\""));
        Assert.That(artifact.Bytecode, Does.StartWith("0x60"));
        Assert.That(artifact.Compiler, Does.StartWith("solc 0.8.30+"));
    }
}
