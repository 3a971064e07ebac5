using Pool.Chain.Jobs;

namespace Pool.Chain.Tests.Jobs;

public sealed class Extranonce1AllocatorTests
{
    [Test]
    public void Next_ManyConnections_DistinctValuesWithInstancePrefix()
    {
        var allocator = new Extranonce1Allocator(4, [0xab]);

        var values = Enumerable.Range(0, 10_000).Select(_ => Convert.ToHexStringLower(allocator.Next())).ToList();

        Assert.That(values.Distinct().Count(), Is.EqualTo(values.Count));
        Assert.That(values, Has.All.StartWith("ab").And.Length.EqualTo(8));
    }

    [Test]
    public void Next_TwoInstances_NeverShareAValue()
    {
        var first = new Extranonce1Allocator(4, [0x01]);
        var second = new Extranonce1Allocator(4, [0x02]);

        var a = Enumerable.Range(0, 1000).Select(_ => Convert.ToHexStringLower(first.Next()));
        var b = Enumerable.Range(0, 1000).Select(_ => Convert.ToHexStringLower(second.Next()));

        Assert.That(a.Intersect(b), Is.Empty);
    }

    [Test]
    public void Constructor_PrefixFillsExtranonce_Throws()
    {
        Assert.That(() => new Extranonce1Allocator(2, [1, 2]), Throws.ArgumentException);
    }

    [TestCase(0x20000000u, 0x20002000u, true)]
    [TestCase(0x20000000u, 0x3fffe000u, true)]
    [TestCase(0x20000000u, 0x20000001u, false)]
    [TestCase(0x20000000u, 0x60000000u, false)]
    public void IsAllowed_RolledVersion_OnlyMaskBits(uint jobVersion, uint version, bool allowed)
    {
        Assert.That(VersionRolling.IsAllowed(jobVersion, version, VersionRolling.DefaultMask), Is.EqualTo(allowed));
    }
}
