using System.Numerics;
using Nethereum.Contracts;
using Pool.Settlement.Chain;
using Pool.Settlement.Contracts;

namespace Pool.Settlement.Tests;

[Category("Integration")]
public class RewardTokenContractTests
{
    private TokenTestBed _bed = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _bed = await TokenTestBed.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _bed.DisposeAsync();

    [Test]
    public async Task Decimals_Deployed_IsEight()
    {
        Assert.That(await _bed.Chain.QueryAsync<DecimalsFunction, byte>(_bed.Token, new DecimalsFunction()), Is.EqualTo(8));
    }

    [Test]
    public async Task Settle_ThreeRecipients_MintsEachAmountAndMarksSettled()
    {
        var recipients = Enumerable.Range(0, 3).Select(_ => TokenTestBed.RandomAddress()).ToList();
        var settle = NewSettle(recipients, [100, 2_500_000_000, 1]);

        var receipt = await _bed.SettleAsync(settle);

        Assert.That(await _bed.BalanceOfAsync(recipients[0]), Is.EqualTo(new BigInteger(100)));
        Assert.That(await _bed.BalanceOfAsync(recipients[1]), Is.EqualTo(new BigInteger(2_500_000_000)));
        Assert.That(await _bed.BalanceOfAsync(recipients[2]), Is.EqualTo(BigInteger.One));
        Assert.That(await _bed.Chain.IsSettledAsync(_bed.Token, settle.SettlementId), Is.True);
        // Three Transfer events and one Settled event.
        Assert.That(receipt.Logs, Has.Length.EqualTo(4));
    }

    [Test]
    public async Task Settle_Minted_SettledEventCarriesIdBlockHeightRootTotalAndCount()
    {
        var settle = NewSettle([TokenTestBed.RandomAddress(), TokenTestBed.RandomAddress()], [40, 2]);
        var before = await _bed.Chain.GetBlockNumberAsync();
        await _bed.SettleAsync(settle);

        var events = await _bed.Chain.GetSettledEventsAsync(_bed.Token, before);

        var settled = events.Single(e => e.SettlementId.SequenceEqual(settle.SettlementId));
        Assert.That(settled.CoinBlockHash, Is.EqualTo(settle.CoinBlockHash));
        Assert.That(settled.CoinHeight, Is.EqualTo(1234UL));
        Assert.That(settled.SharesRoot, Is.EqualTo(settle.SharesRoot));
        Assert.That(settled.Total, Is.EqualTo(new BigInteger(42)));
        Assert.That(settled.RecipientCount, Is.EqualTo(new BigInteger(2)));
    }

    [Test]
    public async Task Settle_SameIdTwice_SecondRevertsAndMintsNothing()
    {
        var recipient = TokenTestBed.RandomAddress();
        var settle = NewSettle([recipient], [7]);
        await _bed.SettleAsync(settle);

        var replay = Assert.ThrowsAsync<ContractRevertedException>(() => _bed.SettleAsync(settle));

        Assert.That(replay!.ErrorName, Is.EqualTo("SettlementAlreadyUsed"));
        Assert.That(await _bed.BalanceOfAsync(recipient), Is.EqualTo(new BigInteger(7)));
    }

    [Test]
    public async Task Settle_AmountsNotSummingToTotal_RevertsWithTotalMismatch()
    {
        var recipient = TokenTestBed.RandomAddress();
        var settle = NewSettle([recipient], [7]);
        settle.Total = 8;

        var error = Assert.ThrowsAsync<ContractRevertedException>(() => _bed.SettleAsync(settle));

        Assert.That(error!.ErrorName, Is.EqualTo("TotalMismatch"));
        Assert.That(await _bed.Chain.IsSettledAsync(_bed.Token, settle.SettlementId), Is.False);
        Assert.That(await _bed.BalanceOfAsync(recipient), Is.EqualTo(BigInteger.Zero));
    }

    [Test]
    public void Settle_SignedByAdminNotSettler_RevertsUnauthorized()
    {
        var settle = NewSettle([TokenTestBed.RandomAddress()], [7]);

        var error = Assert.ThrowsAsync<ContractRevertedException>(() =>
            _bed.Admin.SubmitAndWaitForReceiptAsync(_bed.Token, settle.GetCallData(), TimeSpan.FromSeconds(30)));

        Assert.That(error!.ErrorName, Is.EqualTo("AccessControlUnauthorizedAccount"));
    }

    [Test]
    public async Task Settle_WhilePaused_RevertsUntilUnpaused()
    {
        var settle = NewSettle([TokenTestBed.RandomAddress()], [7]);
        await _bed.Admin.SubmitAndWaitForReceiptAsync(_bed.Token, new PauseFunction().GetCallData(), TimeSpan.FromSeconds(30));
        try
        {
            var error = Assert.ThrowsAsync<ContractRevertedException>(() => _bed.SettleAsync(settle));
            Assert.That(error!.ErrorName, Is.EqualTo("EnforcedPause"));
        }
        finally
        {
            await _bed.Admin.SubmitAndWaitForReceiptAsync(_bed.Token, new UnpauseFunction().GetCallData(), TimeSpan.FromSeconds(30));
        }

        await _bed.SettleAsync(settle);
        Assert.That(await _bed.Chain.IsSettledAsync(_bed.Token, settle.SettlementId), Is.True);
    }

    [Test]
    public async Task SettlementIdOf_SameInputs_EqualsOffChainDerivation()
    {
        var blockHash = TokenTestBed.Bytes32(0xab);
        var onChain = await _bed.Chain.QueryAsync<SettlementIdOfFunction, byte[]>(
            _bed.Token, new SettlementIdOfFunction { PoolId = "ltc-main", CoinBlockHash = blockHash, ChunkIndex = 2, ChunkCount = 5 });

        Assert.That(onChain, Is.EqualTo(SettlementId.Derive("ltc-main", blockHash, 2, 5)));
        Assert.That(onChain, Is.Not.EqualTo(SettlementId.Derive("ltc-main", blockHash, 2, 6)));
    }

    [TestCase(1)]
    [TestCase(50)]
    [TestCase(200)]
    public async Task Settle_NewHolders_GasPerRecipientWithinTarget(int count)
    {
        var recipients = Enumerable.Range(0, count).Select(_ => TokenTestBed.RandomAddress()).ToList();
        var fresh = await _bed.SettleAsync(NewSettle(recipients, recipients.Select(_ => 123_456_789L).ToList()));
        var again = await _bed.SettleAsync(NewSettle(recipients, recipients.Select(_ => 987_654L).ToList()));

        var perNewHolder = (double)fresh.GasUsed.Value / count;
        var perExistingHolder = (double)again.GasUsed.Value / count;
        TestContext.Out.WriteLine($"batch {count}: {fresh.GasUsed.Value} gas for new holders ({perNewHolder:F0}/recipient), {again.GasUsed.Value} for existing ({perExistingHolder:F0}/recipient)");
        if (count >= 50)
        {
            Assert.That(perNewHolder, Is.LessThanOrEqualTo(30_000));
        }

        Assert.That(await _bed.BalanceOfAsync(recipients[^1]), Is.EqualTo(new BigInteger(123_456_789L + 987_654L)));
    }

    private static SettleFunction NewSettle(List<string> recipients, List<long> amounts) => new()
    {
        SettlementId = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32),
        CoinBlockHash = TokenTestBed.Bytes32(0x11),
        CoinHeight = 1234,
        SharesRoot = TokenTestBed.Bytes32(0x22),
        Total = amounts.Aggregate(BigInteger.Zero, (sum, a) => sum + a),
        Recipients = recipients,
        Amounts = amounts.Select(a => new BigInteger(a)).ToList(),
    };
}
