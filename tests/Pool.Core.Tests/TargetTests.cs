using System.Numerics;
using Pool.Core.Targets;

namespace Pool.Core.Tests;

public class TargetTests
{
    [Test]
    public void DifficultyOfBits_GenesisBits_IsOne()
    {
        Assert.That(DifficultyOne.Sha256d.DifficultyOfBits(0x1d00ffff), Is.EqualTo(1.0));
    }

    [Test]
    public void DifficultyOfBits_0x1b0404cb_IsKnownValue()
    {
        Assert.That(DifficultyOne.Sha256d.DifficultyOfBits(0x1b0404cb), Is.EqualTo(16307.420938523983).Within(1e-9));
    }

    [Test]
    public void ToTarget_GenesisBits_IsDifficultyOneTarget()
    {
        Assert.That(CompactTarget.ToTarget(0x1d00ffff), Is.EqualTo(DifficultyOne.Sha256d.Target));
        Assert.That(DifficultyOne.Sha256d.Target.ToString(), Is.EqualTo("00000000ffff0000000000000000000000000000000000000000000000000000"));
    }

    [Test]
    public void ScryptDifficultyOne_Is65536TimesEasier()
    {
        Assert.That(DifficultyOne.Scrypt.Target.ToBigInteger(), Is.EqualTo(DifficultyOne.Sha256d.Target.ToBigInteger() * 65536));
    }

    [TestCase(0x1d00ffffu)]
    [TestCase(0x1b0404cbu)]
    [TestCase(0x207fffffu)]
    [TestCase(0x1e0ffff0u)]
    public void FromTarget_RoundTripsCanonicalBits(uint bits)
    {
        Assert.That(CompactTarget.FromTarget(CompactTarget.ToTarget(bits)), Is.EqualTo(bits));
    }

    [TestCase(1e-9)]
    [TestCase(0.001)]
    [TestCase(1.0)]
    [TestCase(16307.420938523983)]
    [TestCase(1e12)]
    public void TargetForDifficulty_RoundTripsThroughDifficultyOfTarget(double difficulty)
    {
        var target = DifficultyOne.Sha256d.TargetForDifficulty(difficulty);
        Assert.That(DifficultyOne.Sha256d.DifficultyOfTarget(target), Is.EqualTo(difficulty).Within(1e-9).Percent);
    }

    [Test]
    public void IsMetBy_ComparesDigestAsLittleEndianNumber()
    {
        var target = DifficultyOne.Sha256d.Target;
        var digest = new byte[32];
        target.WriteLittleEndian(digest);
        Assert.That(target.IsMetBy(digest), Is.True, "a hash equal to the target meets it");
        digest[0]++;
        Assert.That(target.IsMetBy(digest), Is.False, "one above the target does not");
        digest[0]--;
        digest[27]--;
        Assert.That(target.IsMetBy(digest), Is.True, "one below in a high byte meets it");
    }

    [Test]
    public void DifficultyOfHash_GenesisBlockHash_IsKnownValue()
    {
        var digest = GoldenBlock.Internal("000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f");
        Assert.That(DifficultyOne.Sha256d.DifficultyOfHash(digest), Is.EqualTo(2536.4262984453103).Within(1e-9).Percent);
    }

    [Test]
    public void DifficultyOfBits_LitecoinGenesisBits_IsOneIn4096ForSha256dAnd16ForScrypt()
    {
        Assert.That(DifficultyOne.Sha256d.DifficultyOfBits(0x1e0ffff0), Is.EqualTo(0.000244140625));
        Assert.That(DifficultyOne.Scrypt.DifficultyOfBits(0x1e0ffff0), Is.EqualTo(16.0));
    }

    [Test]
    public void TargetForDifficulty_OneBillionth_IsABillionTimesDifficultyOneTarget()
    {
        var target = DifficultyOne.Sha256d.TargetForDifficulty(1e-9).ToBigInteger();
        var expected = DifficultyOne.Sha256d.Target.ToBigInteger() * 1_000_000_000;
        var relativeError = (double)BigInteger.Abs(target - expected) / (double)expected;
        Assert.That(relativeError, Is.LessThan(1e-15));
    }

    [Test]
    public void TargetForDifficulty_ScryptOneBillionth_SaturatesAtLargestTarget()
    {
        Assert.That(DifficultyOne.Scrypt.TargetForDifficulty(1e-9), Is.EqualTo(Target256.MaxValue));
    }

    [TestCase(0.0)]
    [TestCase(-1.0)]
    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    public void TargetForDifficulty_NotPositiveFinite_Throws(double difficulty)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DifficultyOne.Sha256d.TargetForDifficulty(difficulty));
    }

    [Test]
    public void IsMetBy_DigestLargeOnlyInFirstByte_MeetsTargetBecauseFirstByteIsLeastSignificant()
    {
        var digest = new byte[32];
        digest[0] = 0xff;
        Assert.That(DifficultyOne.Sha256d.Target.IsMetBy(digest), Is.True);
        digest[0] = 0;
        digest[31] = 0x01;
        Assert.That(DifficultyOne.Sha256d.Target.IsMetBy(digest), Is.False);
    }

    [Test]
    public void IsMetBy_Block125552Hash_MeetsItsBitsAndDifficultiesUpToItsOwn()
    {
        var digest = GoldenBlock.Internal("00000000000000001e8d6829a8a21adc5d38d0a473b144b6765798e61f98bd1d");
        Assert.That(CompactTarget.ToTarget(0x1a44b9f2).IsMetBy(digest), Is.True);
        Assert.That(DifficultyOne.Sha256d.DifficultyOfHash(digest), Is.EqualTo(35987218905.508736).Within(1e-9).Percent);
        Assert.That(DifficultyOne.Sha256d.TargetForDifficulty(35.9e9).IsMetBy(digest), Is.True);
        Assert.That(DifficultyOne.Sha256d.TargetForDifficulty(36.0e9).IsMetBy(digest), Is.False);
    }
}
