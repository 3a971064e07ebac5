using System.Globalization;
using Nethereum.Hex.HexConvertors.Extensions;
using Pool.Core.Mining;
using Pool.Settlement.Addresses;
using Pool.Settlement.Contracts;
using Pool.Settlement.Rewards;

namespace Pool.Settlement.Settlement;

public sealed partial class SettlementJob
{
    private async Task PlanRoundsAsync(SettlementReport report, bool commit, CancellationToken cancellationToken)
    {
        var handled = await _store.GetHandledRoundsAsync();
        var balances = new Dictionary<string, long>(await _store.GetBalancesAsync(), StringComparer.Ordinal);
        var dryRunSequence = 1L;
        foreach (var round in await _rounds.GetClosedRoundsAsync(cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (handled.ContainsKey(round.RoundId))
            {
                continue;
            }

            switch (round.Status)
            {
                case RoundStatus.Pending:
                    report.ImmatureRounds++;
                    continue;
                case RoundStatus.Orphaned:
                    if (commit)
                    {
                        await _store.MarkOrphanedAsync(round.RoundId);
                    }

                    report.OrphanedRounds.Add(round.RoundId);
                    continue;
            }

            if (!TryParseBytes32(round.Block.BlockHash, out var blockHash) || !TryParseBytes32(round.SharesRoot, out _)
                || round.Block.Height < 0 || round.Block.RewardBaseUnits < 0)
            {
                report.Warnings.Add($"round {round.RoundId}: block hash '{round.Block.BlockHash}', shares root '{round.SharesRoot}', height {round.Block.Height} or reward {round.Block.RewardBaseUnits} is malformed (hashes are 32 bytes of hex); not paid until the ledger record is fixed");
                continue;
            }

            if (commit)
            {
                await KeepLockAsync();
            }

            var split = RewardSplitter.SplitRound(round, _options.Scheme, _options.FeeBasisPoints);
            var miners = split.MinerRewards.Keys.Union(balances.Keys, StringComparer.Ordinal).ToList();
            var addresses = await GetTokenAddressesAsync(miners, cancellationToken);

            var plan = PayoutPlanner.Plan(split, _feeAddress, balances, addresses, _options.MinimumPayout);
            var chunkCount = (plan.Transfers.Count + _options.ChunkSize - 1) / _options.ChunkSize;
            var firstSequence = commit && chunkCount > 0 ? await _store.ReserveSequenceAsync(chunkCount) : dryRunSequence;
            dryRunSequence += chunkCount;
            var chunks = BuildChunks(round, blockHash, plan.Transfers, chunkCount, firstSequence);
            var record = new SettlementPlanRecord(
                round.RoundId, round.Block.BlockHash, round.Block.Height, round.SharesRoot, _options.Scheme, _options.FeeBasisPoints,
                plan, chunks.Select(c => c.Id).ToList(), _time.GetUtcNow());
            if (commit)
            {
                if (!await _store.CommitPlanAsync(record, balances, chunks))
                {
                    throw new InvalidOperationException($"round {round.RoundId} or a balance changed while it was planned; nothing was written, run again");
                }

                Progress(string.Create(CultureInfo.InvariantCulture,
                    $"planned round {round.RoundId} (block {round.Block.Height} {round.Block.BlockHash}, reward {split.Reward}, {_options.Scheme.ToString().ToUpperInvariant()}, fee {split.PoolFee} + rounding remainder {split.Remainder}): {plan.TotalMinted} units to {plan.Transfers.Count} addresses in {chunkCount} transaction(s), {plan.BalancesAfter.Values.Sum()} units carried forward"));
                _crashHook(SettlementCrashPoint.AfterPlan);
            }

            report.Plans.Add(record);
            foreach (var (miner, after) in plan.BalancesAfter)
            {
                if (after == 0)
                {
                    balances.Remove(miner);
                }
                else
                {
                    balances[miner] = after;
                }
            }
        }
    }

    private List<SettlementChunk> BuildChunks(ClosedRound round, byte[] blockHash, IReadOnlyList<TokenTransfer> transfers, int count, long firstSequence)
    {
        var chunks = new List<SettlementChunk>(count);
        for (var index = 0; index < count; index++)
        {
            chunks.Add(new SettlementChunk
            {
                Id = SettlementId.Derive(_options.PoolId, blockHash, index, count).ToHex(true),
                RoundId = round.RoundId,
                CoinBlockHash = round.Block.BlockHash,
                CoinHeight = round.Block.Height,
                SharesRoot = round.SharesRoot,
                Index = index,
                Count = count,
                Transfers = transfers.Skip(index * _options.ChunkSize).Take(_options.ChunkSize).ToList(),
                Sequence = firstSequence + index,
                State = ChunkState.Planned,
            });
        }

        return chunks;
    }

    private async Task<IReadOnlyDictionary<string, string?>> GetTokenAddressesAsync(List<string> miners, CancellationToken cancellationToken)
    {
        if (_addresses is RedisTokenAddressBook redisBook)
        {
            return await redisBook.GetTokenAddressesAsync(miners);
        }

        var addresses = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var miner in miners)
        {
            addresses[miner] = await _addresses.GetTokenAddressAsync(miner, cancellationToken);
        }

        return addresses;
    }

    internal static bool TryParseBytes32(string? hex, out byte[] bytes)
    {
        var digits = hex is not null && hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex[2..] : hex;
        if (digits is { Length: 64 } && digits.All(Uri.IsHexDigit))
        {
            bytes = Convert.FromHexString(digits);
            return true;
        }

        bytes = [];
        return false;
    }
}
