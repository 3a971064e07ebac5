using System.Numerics;
using Nethereum.RPC.Eth.DTOs;

namespace Pool.Settlement.Chain;

/// <summary>Signs, sends and awaits one-off transactions (deployment, admin calls); settlement uses its own recorded state machine.</summary>
public sealed class TransactionSubmitter
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private readonly EvmChain _chain;
    private readonly TransactionSigner _signer;
    private readonly BigInteger _priorityFee;

    public TransactionSubmitter(EvmChain chain, TransactionSigner signer, BigInteger priorityFee)
    {
        _chain = chain;
        _signer = signer;
        _priorityFee = priorityFee;
    }

    /// <summary>Sends a call (or a deployment when <paramref name="to"/> is null) and returns its successful receipt.</summary>
    /// <exception cref="InvalidOperationException">The transaction was refused, reverted, or had no receipt within <paramref name="timeout"/>.</exception>
    public async Task<TransactionReceipt> SubmitAndWaitForReceiptAsync(string? to, byte[] data, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var gas = await _chain.EstimateGasAsync(_signer.Address, to, data);
        var nonce = await _chain.GetNonceAsync(_signer.Address, includePending: true);
        var fees = Eip1559Fees.ForBaseFee(await _chain.GetLatestBaseFeeAsync(), _priorityFee);
        var transaction = _signer.Sign(to, data, nonce, fees, (gas * 6 / 5) + 10_000);
        var (outcome, message) = await _chain.SendRawAsync(transaction);
        if (outcome is not (SendOutcome.Accepted or SendOutcome.AlreadyKnown))
        {
            throw new InvalidOperationException($"the node refused transaction {transaction.Hash}: {message}");
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            var receipt = await _chain.GetReceiptAsync(transaction.Hash);
            if (receipt is not null)
            {
                return receipt.Status?.Value == BigInteger.One
                    ? receipt
                    : throw new InvalidOperationException($"transaction {transaction.Hash} reverted in block {receipt.BlockNumber?.Value}");
            }

            try
            {
                await Task.Delay(PollInterval, deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new InvalidOperationException($"no receipt for transaction {transaction.Hash} after {timeout.TotalSeconds:0} s");
            }
        }
    }
}
