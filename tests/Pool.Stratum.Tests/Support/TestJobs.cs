using System.Security.Cryptography;
using Pool.Chain.Jobs;
using Pool.Core.Targets;

namespace Pool.Stratum.Tests.Support;

/// <summary>Builds mining jobs with realistic coinbase parts, a random previous block and a merkle branch.</summary>
public static class TestJobs
{
    /// <summary>Compact bits so hard no test share meets them.</summary>
    public const uint HardBits = 0x1d00ffff;

    /// <summary>Regtest's compact bits: about half of all hashes meet them.</summary>
    public const uint EasyBits = 0x207fffff;

    private static int _counter;

    public static MiningJob Create(
        byte[]? previousBlockHash = null,
        uint bits = HardBits,
        bool cleanJobs = true,
        uint? time = null,
        uint version = 0x20000000,
        int branchLength = 2,
        DifficultyOne? difficultyOne = null)
    {
        var id = Interlocked.Increment(ref _counter);
        var height = 1000 + id;
        var coinbase1 = Convert.FromHexString(
            "01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff2003" + HeightLittleEndian(height));
        var coinbase2 = Convert.FromHexString(
            "0d2f706f6f6c2d746573742f00ffffffff0100f2052a010000001976a914" + new string('1', 40) + "88ac00000000");
        var branch = Enumerable.Range(0, branchLength).Select(_ => RandomNumberGenerator.GetBytes(32)).ToArray();
        var target = CompactTarget.ToTarget(bits);
        return new MiningJob(
            jobId: id.ToString("x", System.Globalization.CultureInfo.InvariantCulture),
            height: height,
            previousBlockHash: previousBlockHash ?? RandomNumberGenerator.GetBytes(32),
            version: version,
            bits: bits,
            time: time ?? (uint)DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            coinbase1: coinbase1,
            coinbase2: coinbase2,
            merkleBranch: branch,
            cleanJobs: cleanJobs,
            coinbaseValue: 5_000_000_000,
            networkTarget: target,
            networkDifficulty: (difficultyOne ?? DifficultyOne.Sha256d).DifficultyOfTarget(target));
    }

    private static string HeightLittleEndian(int height) =>
        Convert.ToHexStringLower([(byte)height, (byte)(height >> 8), (byte)(height >> 16)]);
}
