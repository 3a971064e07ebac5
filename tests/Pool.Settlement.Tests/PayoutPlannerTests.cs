using Pool.Settlement.Rewards;

namespace Pool.Settlement.Tests;

public class PayoutPlannerTests
{
    private const string Fee = "0xfee0000000000000000000000000000000000000";
    private const string AliceAddress = "0xa11ce00000000000000000000000000000000000";

    [Test]
    public void Plan_MinerWithoutAddress_AccruesThenPaidInFullOnceAddressSet()
    {
        var first = PayoutPlanner.Plan(Split(("alice", 300)), Fee, Empty(), Addresses(("alice", null)), 1);
        Assert.That(first.Transfers, Is.Empty);
        Assert.That(first.BalancesAfter["alice"], Is.EqualTo(300));
        Assert.That(first.Lines.Single().Reason, Does.Contain("no token address"));

        var second = PayoutPlanner.Plan(Split(("alice", 200)), Fee, first.BalancesAfter, Addresses(("alice", AliceAddress)), 1);

        Assert.That(second.Transfers, Is.EqualTo(new[] { new TokenTransfer(AliceAddress, 500) }));
        Assert.That(second.BalancesAfter["alice"], Is.Zero);
    }

    [Test]
    public void Plan_BelowMinimumPayout_CarriedUntilReached()
    {
        var first = PayoutPlanner.Plan(Split(("alice", 60)), Fee, Empty(), Addresses(("alice", AliceAddress)), 100);
        Assert.That(first.Transfers, Is.Empty);
        Assert.That(first.Lines.Single().Reason, Does.Contain("below the minimum payout 100"));

        var second = PayoutPlanner.Plan(Split(("alice", 40)), Fee, first.BalancesAfter, Addresses(("alice", AliceAddress)), 100);
        Assert.That(second.Transfers.Single().Amount, Is.EqualTo(100));
    }

    [Test]
    public void Plan_CarriedMinerNotInThisBlock_PaidWhenPayable()
    {
        var carried = new Dictionary<string, long>(StringComparer.Ordinal) { ["alice"] = 70 };
        var plan = PayoutPlanner.Plan(Split(("bob", 10)), Fee, carried, Addresses(("alice", AliceAddress), ("bob", null)), 50);

        Assert.That(plan.Transfers, Is.EqualTo(new[] { new TokenTransfer(AliceAddress, 70) }));
        Assert.That(plan.BalancesAfter["bob"], Is.EqualTo(10));
    }

    [Test]
    public void Plan_TwoMinersSameAddressPlusFee_OneTransferPerAddress()
    {
        var split = new RewardSplit(1000, 5, 1, new Dictionary<string, long>(StringComparer.Ordinal) { ["a"] = 600, ["b"] = 394 });
        var plan = PayoutPlanner.Plan(split, Fee, Empty(), Addresses(("a", AliceAddress), ("b", AliceAddress.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal))), 1);

        Assert.That(plan.Transfers, Has.Count.EqualTo(2));
        Assert.That(plan.Transfers.Single(t => t.Address == Fee).Amount, Is.EqualTo(6));
        Assert.That(plan.TotalMinted, Is.EqualTo(1000));
    }

    private static RewardSplit Split(params (string Miner, long Amount)[] rewards) =>
        new(rewards.Sum(r => r.Amount), 0, 0, rewards.ToDictionary(r => r.Miner, r => r.Amount, StringComparer.Ordinal));

    private static Dictionary<string, long> Empty() => new(StringComparer.Ordinal);

    private static Dictionary<string, string?> Addresses(params (string Miner, string? Address)[] addresses) =>
        addresses.ToDictionary(a => a.Miner, a => a.Address, StringComparer.Ordinal);
}
