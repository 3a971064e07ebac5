using System.Numerics;
using Pool.Core.Mining;
using Pool.Settlement.Settlement;

namespace Pool.Settlement.Tests;

[Category("Integration")]
public class SettlementMalformedRoundTests
{
    [Test]
    public async Task RunAsync_RoundWithMalformedBlockHash_WarnsSkipsItAndPaysTheOthers()
    {
        await using var bed = await SettlementTestBed.StartAsync();
        var good = await bed.AddRoundAsync(100_000_000, SettlementTestBed.Miners(2));
        bed.Rounds.Add(good with { RoundId = "bad-round", Block = good.Block with { BlockHash = "not-a-hash" } });

        var report = await bed.NewJob().RunAsync();

        Assert.That(report.Outcome, Is.EqualTo(SettlementOutcome.Completed), report.Error);
        Assert.That(report.Warnings.Single(), Does.Contain("bad-round").And.Contain("not-a-hash"));
        Assert.That(await bed.Store.GetHandledRoundsAsync(), Does.Not.ContainKey("bad-round"));
        Assert.That(await bed.TotalSupplyAsync(), Is.EqualTo(new BigInteger(100_000_000)));
        Assert.That(good.Status, Is.EqualTo(RoundStatus.Confirmed));
    }
}
