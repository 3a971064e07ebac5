using System.Numerics;
using Nethereum.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;
using Pool.Settlement.Contracts;

namespace Pool.Settlement.Chain;

/// <summary>The JSON-RPC calls settlement makes to the EVM node; connection failures become <see cref="ChainUnavailableException"/>.</summary>
public sealed class EvmChain
{
    private readonly Web3 _web3;

    public EvmChain(Uri rpcUrl, TimeSpan requestTimeout)
    {
        RpcUrl = rpcUrl;
        var client = new RpcClient(rpcUrl);

        // Nethereum keeps this timeout process-wide; the settle and token commands use one node per process.
        RpcClient.ConnectionTimeout = requestTimeout;
        _web3 = new Web3(client);
    }

    /// <summary>The node's endpoint.</summary>
    public Uri RpcUrl { get; }

    public Task<BigInteger> GetChainIdAsync() => RunAsync("eth_chainId", async () => (await _web3.Eth.ChainId.SendRequestAsync()).Value);

    public Task<BigInteger> GetBlockNumberAsync() => RunAsync("eth_blockNumber", async () => (await _web3.Eth.Blocks.GetBlockNumber.SendRequestAsync()).Value);

    /// <summary>Next nonce of <paramref name="address"/>: counting only mined transactions, or also those in the node's pool.</summary>
    public Task<BigInteger> GetNonceAsync(string address, bool includePending) => RunAsync("eth_getTransactionCount", async () =>
        (await _web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(address, includePending ? BlockParameter.CreatePending() : BlockParameter.CreateLatest())).Value);

    /// <summary>Base fee of the latest block (0 on a chain without EIP-1559).</summary>
    public Task<BigInteger> GetLatestBaseFeeAsync() => RunAsync("eth_getBlockByNumber", async () =>
    {
        var block = await _web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(BlockParameter.CreateLatest());
        return block?.BaseFeePerGas?.Value ?? BigInteger.Zero;
    });

    public Task<TransactionReceipt?> GetReceiptAsync(string transactionHash) => RunAsync("eth_getTransactionReceipt", async () =>
        (TransactionReceipt?)await _web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(transactionHash));

    /// <summary>True when the node knows the transaction (in its pool or mined).</summary>
    public Task<bool> IsTransactionKnownAsync(string transactionHash) => RunAsync("eth_getTransactionByHash", async () =>
        await _web3.Eth.Transactions.GetTransactionByHash.SendRequestAsync(transactionHash) is not null);

    public Task<bool> HasCodeAsync(string address) => RunAsync("eth_getCode", async () =>
    {
        var code = await _web3.Eth.GetCode.SendRequestAsync(address);
        return !string.IsNullOrEmpty(code) && code != "0x";
    });

    public Task<BigInteger> GetEtherBalanceAsync(string address) => RunAsync("eth_getBalance", async () =>
        (await _web3.Eth.GetBalance.SendRequestAsync(address)).Value);

    /// <summary>Settled events of <paramref name="token"/> from <paramref name="fromBlock"/> to the latest block, oldest first.</summary>
    public Task<IReadOnlyList<SettledEvent>> GetSettledEventsAsync(string token, BigInteger fromBlock) => RunAsync("eth_getLogs", async () =>
    {
        var events = _web3.Eth.GetEvent<SettledEvent>(token);
        var filter = events.CreateFilterInput(new BlockParameter(new Nethereum.Hex.HexTypes.HexBigInteger(fromBlock)), BlockParameter.CreateLatest());
        var logs = await events.GetAllChangesAsync(filter);
        return (IReadOnlyList<SettledEvent>)logs.Select(l => l.Event).ToList();
    });

    /// <summary>Whether the token recorded settlement <paramref name="settlementId"/> as minted.</summary>
    public Task<bool> IsSettledAsync(string token, byte[] settlementId) =>
        QueryAsync<IsSettledFunction, bool>(token, new IsSettledFunction { SettlementId = settlementId });

    /// <summary>Calls a view function of <paramref name="contract"/> at the latest block.</summary>
    public Task<TOut> QueryAsync<TFunction, TOut>(string contract, TFunction function)
        where TFunction : FunctionMessage, new() =>
        RunAsync(typeof(TFunction).Name, () => _web3.Eth.GetContractQueryHandler<TFunction>().QueryAsync<TOut>(contract, function));

    /// <summary>Gas a call would use; a call that would revert throws <see cref="ContractRevertedException"/> naming the contract error.</summary>
    public Task<BigInteger> EstimateGasAsync(string from, string? to, byte[] data) => RunAsync("eth_estimateGas", async () =>
    {
        try
        {
            return (await _web3.Eth.Transactions.EstimateGas.SendRequestAsync(new CallInput { From = from, To = to, Data = data.ToHex(true) })).Value;
        }
        catch (RpcResponseException e) when (e.RpcError is not null)
        {
            var (name, description) = RevertDecoder.Describe(e.RpcError.Data?.ToString());
            throw new ContractRevertedException($"the contract would revert: {description} ({e.RpcError.Message})", e) { ErrorName = name };
        }
    });

    /// <summary>Broadcasts a signed transaction and classifies the node's answer.</summary>
    public Task<(SendOutcome Outcome, string Message)> SendRawAsync(SignedTransaction transaction) => RunAsync("eth_sendRawTransaction", async () =>
    {
        try
        {
            await _web3.Eth.Transactions.SendRawTransaction.SendRequestAsync(transaction.RawHex);
            return (SendOutcome.Accepted, string.Empty);
        }
        catch (RpcResponseException e)
        {
            return (Classify(e.RpcError?.Message ?? e.Message), e.RpcError?.Message ?? e.Message);
        }
    });

    private static SendOutcome Classify(string message)
    {
        if (message.Contains("already known", StringComparison.OrdinalIgnoreCase)
            || message.Contains("already imported", StringComparison.OrdinalIgnoreCase))
        {
            return SendOutcome.AlreadyKnown;
        }

        if (message.Contains("nonce too low", StringComparison.OrdinalIgnoreCase)
            || message.Contains("nonce has already been used", StringComparison.OrdinalIgnoreCase))
        {
            return SendOutcome.NonceTooLow;
        }

        return message.Contains("underpriced", StringComparison.OrdinalIgnoreCase)
            || message.Contains("base fee", StringComparison.OrdinalIgnoreCase)
            || message.Contains("fee too low", StringComparison.OrdinalIgnoreCase)
            ? SendOutcome.Underpriced
            : SendOutcome.Rejected;
    }

    private async Task<T> RunAsync<T>(string method, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RpcClientUnknownException e)
        {
            throw new ChainUnavailableException($"cannot reach the EVM node at {RpcUrl} ({method}): {e.InnerException?.Message ?? e.Message}", e);
        }
        catch (RpcClientTimeoutException e)
        {
            throw new ChainUnavailableException($"the EVM node at {RpcUrl} did not answer {method} in time", e);
        }
        catch (HttpRequestException e)
        {
            throw new ChainUnavailableException($"cannot reach the EVM node at {RpcUrl} ({method}): {e.Message}", e);
        }
    }
}
