using System.Globalization;
using System.Numerics;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Pool.Settlement.Chain;
using Pool.Settlement.Contracts;

namespace Pool.Settlement.Settlement;

public sealed partial class SettlementJob
{
    private async Task DriveOpenChunksAsync(SettlementReport report, CancellationToken cancellationToken)
    {
        var open = await _store.GetOpenChunksAsync();
        if (open.Count == 0)
        {
            return;
        }

        var chain = _chain!;
        var chainId = await chain.GetChainIdAsync();
        _signer ??= new TransactionSigner(_settlerKey!, chainId);
        if (!await chain.HasCodeAsync(_options.TokenAddress!))
        {
            throw new ContractRevertedException($"no contract at {_options.TokenAddress} on chain {chainId}: deploy it with `pool token deploy` or fix --token");
        }

        foreach (var chunk in open)
        {
            if (!await DriveChunkAsync(chunk, report, cancellationToken))
            {
                report.Outcome = SettlementOutcome.Pending;
                report.Error = $"settlement {chunk.Id} (round {chunk.RoundId}, chunk {chunk.Index + 1}/{chunk.Count}) has no receipt yet; the next run continues it";
                return;
            }
        }
    }

    /// <summary>Moves one chunk as far as it can go; false when it is still waiting for a receipt.</summary>
    private async Task<bool> DriveChunkAsync(SettlementChunk chunk, SettlementReport report, CancellationToken cancellationToken)
    {
        var chain = _chain!;
        var idBytes = chunk.Id.HexToByteArray();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await KeepLockAsync();
            switch (chunk.State)
            {
                case ChunkState.Planned:
                    if (await chain.IsSettledAsync(_options.TokenAddress!, idBytes))
                    {
                        await FinalizeSettledWithoutReceiptAsync(chunk, report);
                        return true;
                    }

                    await SignRecordAndSendAsync(chunk, BuildSettleCall(chunk, idBytes), replacing: null);
                    break;
                case ChunkState.Submitted:
                    if (!await AwaitReceiptAsync(chunk, idBytes, report, cancellationToken))
                    {
                        return false;
                    }

                    break;
                case ChunkState.Mined:
                    await CheckFinalityAsync(chunk, report);
                    if (chunk.State == ChunkState.Submitted)
                    {
                        // Reorganised away: wait for the transaction again now.
                        break;
                    }

                    return true;
                case ChunkState.Final:
                    return true;
            }
        }
    }

    /// <summary>Signs, records, then broadcasts; false when a replacement was not made because it would pass the fee cap.</summary>
    private async Task<bool> SignRecordAndSendAsync(SettlementChunk chunk, byte[] data, ChunkAttempt? replacing)
    {
        var chain = _chain!;
        var signer = _signer!;
        // A replacement carries the same call, so it keeps the gas limit; estimating again would run against a pool
        // state where the stuck transaction already settled this id.
        var gasLimit = replacing is null ? await EstimateGasLimitAsync(chunk, data) : replacing.GasLimit;
        var current = Eip1559Fees.ForBaseFee(await chain.GetLatestBaseFeeAsync(), _options.PriorityFeeWei).CappedAt(_options.MaxFeePerGasCapWei);
        var nonce = replacing is null ? await chain.GetNonceAsync(signer.Address, includePending: true) : replacing.Nonce;
        var fees = replacing is null
            ? current
            : new Eip1559Fees(BigInteger.Parse(replacing.MaxFeePerGas, CultureInfo.InvariantCulture), BigInteger.Parse(replacing.MaxPriorityFeePerGas, CultureInfo.InvariantCulture))
                .BumpedFor(current, _options.FeeBumpPercent);
        if (fees.MaxFeePerGas > _options.MaxFeePerGasCapWei)
        {
            chunk.LastError = string.Create(CultureInfo.InvariantCulture,
                $"transaction {replacing!.Hash} is stuck but a replacement would pass the fee cap of {_options.MaxFeePerGasCapWei} wei per gas; waiting");
            Progress($"settlement {chunk.Id}: {chunk.LastError}");
            return false;
        }

        var signed = signer.Sign(_options.TokenAddress, data, nonce, fees, gasLimit);

        // Recorded before broadcast: after a crash the next run knows this nonce and hash and can find or resend it.
        chunk.Attempts.Add(new ChunkAttempt(
            signed.Hash, signed.RawHex, (long)nonce, fees.MaxFeePerGas.ToString(CultureInfo.InvariantCulture),
            fees.MaxPriorityFeePerGas.ToString(CultureInfo.InvariantCulture), (long)gasLimit, _time.GetUtcNow()));
        chunk.State = ChunkState.Submitted;
        chunk.LastError = null;
        await _store.SaveChunkAsync(chunk);
        _crashHook(SettlementCrashPoint.BeforeSend);

        var (outcome, message) = await chain.SendRawAsync(signed);
        Progress(string.Create(CultureInfo.InvariantCulture,
            $"{(replacing is null ? "sent" : "replaced stuck transaction with")} {signed.Hash} (nonce {nonce}, max fee {fees.MaxFeePerGas} wei, tip {fees.MaxPriorityFeePerGas} wei) for settlement {chunk.Id}: {Describe(outcome, message)}"));
        _crashHook(SettlementCrashPoint.AfterSend);
        ThrowIfRefused(chunk, signed.Hash, outcome, message);
        return true;
    }

    private async Task<BigInteger> EstimateGasLimitAsync(SettlementChunk chunk, byte[] data)
    {
        try
        {
            // Headroom over the estimate: state can change between estimate and inclusion, and running out of gas
            // would burn the fee and leave the chunk to be signed again.
            return (await _chain!.EstimateGasAsync(_signer!.Address, _options.TokenAddress, data) * 5 / 4) + 20_000;
        }
        catch (ContractRevertedException e)
        {
            chunk.LastError = e.Message;
            await _store.SaveChunkAsync(chunk);
            throw;
        }
    }

    private static byte[] BuildSettleCall(SettlementChunk chunk, byte[] idBytes)
    {
        TryParseBytes32(chunk.CoinBlockHash, out var blockHash);
        TryParseBytes32(chunk.SharesRoot, out var sharesRoot);
        return new SettleFunction
        {
            SettlementId = idBytes,
            CoinBlockHash = blockHash,
            CoinHeight = (ulong)chunk.CoinHeight,
            SharesRoot = sharesRoot,
            Total = chunk.Total,
            Recipients = chunk.Transfers.Select(t => t.Address).ToList(),
            Amounts = chunk.Transfers.Select(t => new BigInteger(t.Amount)).ToList(),
        }.GetCallData();
    }

    private async Task CheckFinalityAsync(SettlementChunk chunk, SettlementReport report)
    {
        var chain = _chain!;
        var receipt = await chain.GetReceiptAsync(chunk.MinedTransactionHash!);
        if (receipt is null)
        {
            // The block holding it was reorganised away: wait for it (or its resend) again.
            chunk.State = ChunkState.Submitted;
            await _store.SaveChunkAsync(chunk);
            Progress($"settlement {chunk.Id}: transaction {chunk.MinedTransactionHash} left the chain (reorg); waiting for it again");
            return;
        }

        var confirmations = await chain.GetBlockNumberAsync() - receipt.BlockNumber.Value + 1;
        if (confirmations >= _options.FinalConfirmations)
        {
            chunk.State = ChunkState.Final;
            await _store.SaveChunkAsync(chunk);
            report.Finalized.Add(chunk);
        }
    }

    private async Task FinalizeSettledWithoutReceiptAsync(SettlementChunk chunk, SettlementReport report)
    {
        chunk.State = ChunkState.Final;
        chunk.LastError = "found already settled on chain without a recorded transaction";
        await _store.SaveChunkAsync(chunk);
        report.Finalized.Add(chunk);
        Progress($"settlement {chunk.Id}: already settled on chain; nothing sent");
    }
}
