using System.Numerics;
using Pool.Settlement.Chain;

namespace Pool.Settlement.Tests;

public class Eip1559FeesTests
{
    [Test]
    public void ForBaseFee_BaseAndTip_CapIsTwiceBasePlusTip()
    {
        Assert.That(Eip1559Fees.ForBaseFee(7, 2), Is.EqualTo(new Eip1559Fees(16, 2)));
    }

    [Test]
    public void BumpedFor_FeesAboveCurrent_EachFieldRaisedAtLeastTenPercentRoundedUp()
    {
        var old = new Eip1559Fees(1001, 101);

        var bumped = old.BumpedFor(new Eip1559Fees(10, 1), 10);

        // 1001 × 1.1 = 1101.1 → 1102; 101 × 1.1 = 111.1 → 112.
        Assert.That(bumped, Is.EqualTo(new Eip1559Fees(1102, 112)));
    }

    [Test]
    public void BumpedFor_TinyFees_StillStrictlyRise()
    {
        var bumped = new Eip1559Fees(1, 0).BumpedFor(new Eip1559Fees(0, 0), 10);
        Assert.That(bumped.MaxFeePerGas, Is.EqualTo(new BigInteger(2)));
        Assert.That(bumped.MaxPriorityFeePerGas, Is.EqualTo(BigInteger.One));
    }

    [Test]
    public void BumpedFor_BaseFeeRoseAboveBump_TakesCurrentFees()
    {
        var bumped = new Eip1559Fees(100, 10).BumpedFor(new Eip1559Fees(5000, 20), 15);
        Assert.That(bumped, Is.EqualTo(new Eip1559Fees(5000, 20)));
    }

    [Test]
    public void CappedAt_AboveCap_LowersCapNeverBelowTip()
    {
        Assert.That(new Eip1559Fees(500, 10).CappedAt(100), Is.EqualTo(new Eip1559Fees(100, 10)));
        Assert.That(new Eip1559Fees(500, 200).CappedAt(100), Is.EqualTo(new Eip1559Fees(200, 200)));
        Assert.That(new Eip1559Fees(50, 10).CappedAt(100), Is.EqualTo(new Eip1559Fees(50, 10)));
    }
}
