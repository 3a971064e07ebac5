using Pool.Chain.Jobs;
using Pool.Core.Pow;
using Pool.Core.Targets;
using Pool.Stratum.Shares;

namespace Pool.Stratum.Tests.Unit;

public class ShareValidatorTests
{
    // Bitcoin's genesis coinbase transaction, split around 8 bytes of its script that play extranonce1 and extranonce2.
    private const string GenesisCoinbase =
        "01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff4d04ffff001d0104455468652054696d65732030332f4a616e2f32303039204368616e63656c6c6f72206f6e206272696e6b206f66207365636f6e64206261696c6f757420666f722062616e6b73ffffffff0100f2052a01000000434104678afdb0fe5548271967f1a67130b7105cd6a828e03909a67962e0ea1f61deb649f6bc3f4cef38c4f35504e51ec112de5c384df7ba0b8d578a4c702b6bf11d5fac00000000";

    private const string GenesisHash = "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f";
    private const int SplitAt = 60;

    [Test]
    public void Validate_GenesisBlockAsShare_MeetsNetworkTargetWithKnownHash()
    {
        var (job, extranonce1, extranonce2) = GenesisJob();
        var validator = new ShareValidator(Sha256dPow.Instance);
        var work = new[]
        {
            new ShareWork(job, extranonce1, ShareWork.PackExtranonce2(extranonce2), 4, 1231006505, 2083236893, 1, DifficultyOne.Sha256d.TargetForDifficulty(1)),
        };
        var results = new ShareCheck[1];

        validator.Validate(work, results);

        Assert.That(results[0].BlockHashHex(), Is.EqualTo(GenesisHash));
        Assert.That(results[0].MeetsNetworkTarget, Is.True);
        Assert.That(results[0].MeetsShareTarget, Is.True);
        Assert.That(results[0].ActualDifficulty, Is.EqualTo(DifficultyOne.Sha256d.DifficultyOfTarget(Target256.ParseHex(GenesisHash))).Within(1e-9).Percent);
        Assert.That(results[0].ActualDifficulty, Is.EqualTo(2536.43).Within(0.01));
    }

    [Test]
    public void Validate_GenesisWithOtherNonce_FailsBothTargets()
    {
        var (job, extranonce1, extranonce2) = GenesisJob();
        var validator = new ShareValidator(Sha256dPow.Instance);
        var work = new[]
        {
            new ShareWork(job, extranonce1, ShareWork.PackExtranonce2(extranonce2), 4, 1231006505, 2083236894, 1, DifficultyOne.Sha256d.TargetForDifficulty(1)),
            new ShareWork(job, extranonce1, ShareWork.PackExtranonce2(extranonce2), 4, 1231006505, 2083236893, 1, DifficultyOne.Sha256d.TargetForDifficulty(3000)),
        };
        var results = new ShareCheck[2];

        validator.Validate(work, results);

        Assert.That(results[0].MeetsShareTarget, Is.False);
        Assert.That(results[0].MeetsNetworkTarget, Is.False);
        Assert.That(results[1].MeetsShareTarget, Is.False, "2536 does not reach a share difficulty of 3000");
        Assert.That(results[1].MeetsNetworkTarget, Is.True);
        Assert.That(results[0].DuplicateKey, Is.Not.EqualTo(results[1].DuplicateKey));
    }

    private static (MiningJob Job, byte[] Extranonce1, byte[] Extranonce2) GenesisJob()
    {
        var coinbase = Convert.FromHexString(GenesisCoinbase);
        var job = new MiningJob("genesis", 0, new byte[32], 1, 0x1d00ffff, 1231006505,
            coinbase[..SplitAt], coinbase[(SplitAt + 8)..], [], true, 5_000_000_000, CompactTarget.ToTarget(0x1d00ffff), 1);
        return (job, coinbase[SplitAt..(SplitAt + 4)], coinbase[(SplitAt + 4)..(SplitAt + 8)]);
    }
}
