using System.Numerics;
using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;
using Pool.Settlement.Chain;
using Pool.Settlement.Contracts;
using Pool.Settlement.Token;
using Pool.Testing;

namespace Pool.Settlement.Tests;

/// <summary>A real anvil with the reward token deployed: admin is dev account 0, settler dev account 1.</summary>
internal sealed class TokenTestBed : IAsyncDisposable
{
    public static readonly BigInteger PriorityFee = 1_000_000_000;

    private TokenTestBed(AnvilNode anvil, EvmChain chain, string token)
    {
        Anvil = anvil;
        Chain = chain;
        Token = token;
        Admin = new TransactionSubmitter(chain, new TransactionSigner(AdminKey, AnvilNode.ChainId), PriorityFee);
        Settler = new TransactionSubmitter(chain, new TransactionSigner(SettlerKey, AnvilNode.ChainId), PriorityFee);
    }

    public static string AdminKey => AnvilNode.DevPrivateKey(0);

    public static string SettlerKey => AnvilNode.DevPrivateKey(1);

    public AnvilNode Anvil { get; }

    public EvmChain Chain { get; }

    public string Token { get; }

    public TransactionSubmitter Admin { get; }

    public TransactionSubmitter Settler { get; }

    public static async Task<TokenTestBed> StartAsync()
    {
        var anvil = await AnvilNode.StartAsync();
        try
        {
            var chain = new EvmChain(anvil.RpcUrl, TimeSpan.FromSeconds(10));
            var deployer = new TransactionSubmitter(chain, new TransactionSigner(AdminKey, AnvilNode.ChainId), PriorityFee);
            var token = await RewardTokenDeployer.DeployAsync(
                deployer, "Pool Reward LTC", "pLTC", TransactionSigner.AddressOf(AdminKey), TransactionSigner.AddressOf(SettlerKey), TimeSpan.FromSeconds(30));
            return new TokenTestBed(anvil, chain, token);
        }
        catch
        {
            await anvil.DisposeAsync();
            throw;
        }
    }

    public Task<BigInteger> BalanceOfAsync(string account) =>
        Chain.QueryAsync<BalanceOfFunction, BigInteger>(Token, new BalanceOfFunction { Account = account });

    public Task<TransactionReceipt> SettleAsync(SettleFunction settle) =>
        Settler.SubmitAndWaitForReceiptAsync(Token, settle.GetCallData(), TimeSpan.FromSeconds(30));

    public static string RandomAddress()
    {
        var bytes = new byte[20];
        Random.Shared.NextBytes(bytes);
        return "0x" + Convert.ToHexStringLower(bytes);
    }

    public static byte[] Bytes32(byte fill)
    {
        var bytes = new byte[32];
        Array.Fill(bytes, fill);
        return bytes;
    }

    public async ValueTask DisposeAsync() => await Anvil.DisposeAsync();
}
