using System.Globalization;
using Nethereum.RPC.Eth.DTOs;

namespace Pool.Settlement.Settlement;

public sealed partial class SettlementJob
{
    /// <summary>
    /// Waits for a receipt of any transaction signed for the chunk. Meanwhile: resends the latest one if the node does not
    /// know it (lost, or never sent before a crash), replaces it with higher fees once stuck past the timeout, and
    /// re-plans the chunk if its nonce was used by a transaction that is not ours. False when time ran out.
    /// </summary>
    private async Task<bool> AwaitReceiptAsync(SettlementChunk chunk, byte[] idBytes, SettlementReport report, CancellationToken cancellationToken)
    {
        var chain = _chain!;
        var deadline = _time.GetUtcNow() + _options.ReceiptTimeout;
        while (true)
        {
            await KeepLockAsync();
            if (await FindReceiptAsync(chunk) is { } receipt)
            {
                _crashHook(SettlementCrashPoint.AfterReceipt);
                await RecordReceiptAsync(chunk, receipt, idBytes, report);
                return true;
            }

            var latest = chunk.Attempts[^1];
            var minedNonce = await chain.GetNonceAsync(_signer!.Address, includePending: false);
            if (minedNonce > latest.Nonce)
            {
                // The nonce is used. Look once more (one of ours may have been mined just now) before concluding it was another transaction.
                if (await FindReceiptAsync(chunk) is not null)
                {
                    continue;
                }

                if (await chain.IsSettledAsync(_options.TokenAddress!, idBytes))
                {
                    await FinalizeSettledWithoutReceiptAsync(chunk, report);
                    return true;
                }

                chunk.State = ChunkState.Planned;
                chunk.LastError = string.Create(CultureInfo.InvariantCulture, $"nonce {latest.Nonce} was used by a transaction that is not this settlement's; planning a new one");
                await _store.SaveChunkAsync(chunk);
                Progress($"settlement {chunk.Id}: {chunk.LastError}");
                return true;
            }

            var now = _time.GetUtcNow();
            var stuck = now - latest.SignedAt >= _options.StuckTimeout;
            if (!stuck && !await chain.IsTransactionKnownAsync(latest.Hash))
            {
                // Lost from the node's pool, or never sent before a crash: the recorded bytes go out again unchanged.
                var (outcome, message) = await chain.SendRawAsync(new Chain.SignedTransaction(latest.Hash, latest.RawHex, latest.Nonce, default, latest.GasLimit));
                Progress($"settlement {chunk.Id}: the node did not know {latest.Hash}; sent it again: {Describe(outcome, message)}");
                ThrowIfRefused(chunk, latest.Hash, outcome, message);

                // Refused for its fees (e.g. its cap is now below the base fee): only a replacement with higher fees can go.
                stuck = outcome == Chain.SendOutcome.Underpriced;
            }

            if (stuck && await SignRecordAndSendAsync(chunk, BuildSettleCall(chunk, idBytes), replacing: latest))
            {
                continue;
            }

            if (now >= deadline)
            {
                return false;
            }

            await Task.Delay(_options.PollInterval, _time, cancellationToken);
        }
    }

    private void ThrowIfRefused(SettlementChunk chunk, string hash, Chain.SendOutcome outcome, string message)
    {
        if (outcome == Chain.SendOutcome.Rejected)
        {
            throw new Chain.TransactionRefusedException(
                $"the node refuses transaction {hash} of settlement {chunk.Id}: {message} (settler {_signer!.Address}); it stays recorded and is sent again on the next run");
        }
    }

    private async Task<TransactionReceipt?> FindReceiptAsync(SettlementChunk chunk)
    {
        for (var i = chunk.Attempts.Count - 1; i >= 0; i--)
        {
            if (await _chain!.GetReceiptAsync(chunk.Attempts[i].Hash) is { } receipt)
            {
                return receipt;
            }
        }

        return null;
    }

    private async Task RecordReceiptAsync(SettlementChunk chunk, TransactionReceipt receipt, byte[] idBytes, SettlementReport report)
    {
        if (receipt.Status?.Value == 1)
        {
            chunk.State = ChunkState.Mined;
            chunk.MinedTransactionHash = receipt.TransactionHash;
            chunk.MinedBlock = (long)receipt.BlockNumber.Value;
            chunk.GasUsed = (long)receipt.GasUsed.Value;
            chunk.LastError = null;
            await _store.SaveChunkAsync(chunk);
            report.Mined.Add(chunk);
            Progress(string.Create(CultureInfo.InvariantCulture,
                $"settled {chunk.Total} units to {chunk.Transfers.Count} addresses for round {chunk.RoundId} (chunk {chunk.Index + 1}/{chunk.Count}, id {chunk.Id}): tx {receipt.TransactionHash} in block {chunk.MinedBlock}, gas {chunk.GasUsed}"));
            return;
        }

        // Reverted: the estimate passed, so the state changed between estimate and inclusion (paused, role revoked, or settled).
        if (await _chain!.IsSettledAsync(_options.TokenAddress!, idBytes))
        {
            await FinalizeSettledWithoutReceiptAsync(chunk, report);
            return;
        }

        chunk.State = ChunkState.Planned;
        chunk.LastError = $"transaction {receipt.TransactionHash} reverted in block {receipt.BlockNumber.Value}; will be signed again";
        await _store.SaveChunkAsync(chunk);
        Progress($"settlement {chunk.Id}: {chunk.LastError}");
    }
}
