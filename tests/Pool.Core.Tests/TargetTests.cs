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
}
