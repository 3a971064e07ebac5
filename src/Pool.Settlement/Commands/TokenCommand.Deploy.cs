using Pool.Settlement.Chain;
using Pool.Settlement.Token;

namespace Pool.Settlement.Commands;

public sealed partial class TokenCommand
{
    private async Task<int> DeployAsync(CommandArguments parsed, EvmChain chain, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var chainId = await chain.GetChainIdAsync();
        var dev = parsed.Has("--dev");
        string deployerKey;
        string? settler;
        string? admin;
        if (dev)
        {
            if (chainId != DevelopmentChainId)
            {
                await stderr.WriteLineAsync($"pool token: --dev uses a public key and only works on a development chain (id {DevelopmentChainId}); this node is chain {chainId}");
                return SettleExitCodes.Usage;
            }

            deployerKey = DevAdminKey;
            admin = TransactionSigner.AddressOf(DevAdminKey);
            settler = TransactionSigner.AddressOf(DevSettlerKey);
        }
        else
        {
            if (!PrivateKeySource.TryRead(_environment, EnvironmentNames.DeployerKey, EnvironmentNames.DeployerKeyFile, null, out deployerKey, out var keyError))
            {
                await stderr.WriteLineAsync($"pool token: deployer {keyError}");
                return SettleExitCodes.Usage;
            }

            if (!TryAddress(parsed, "--admin", null, required: true, stderr, out admin) || !TryAddress(parsed, "--settler", null, required: false, stderr, out settler))
            {
                return SettleExitCodes.Usage;
            }

            if (settler is null)
            {
                if (!PrivateKeySource.TryRead(_environment, EnvironmentNames.SettlerKey, EnvironmentNames.SettlerKeyFile, null, out var settlerKey, out var settlerError))
                {
                    await stderr.WriteLineAsync($"pool token: give --settler ADDRESS, or the settler key: {settlerError}");
                    return SettleExitCodes.Usage;
                }

                settler = TransactionSigner.AddressOf(settlerKey);
            }
        }

        if (string.Equals(admin, settler, StringComparison.OrdinalIgnoreCase))
        {
            await stderr.WriteLineAsync("pool token: the admin and the settler must be different keys (the settler key lives on the server; the admin key should not)");
            return SettleExitCodes.Usage;
        }

        var name = parsed.Get("--name", null, _environment) ?? "Pool Reward Token";
        var symbol = parsed.Get("--symbol", null, _environment) ?? "POOLR";
        TransactionSigner signer;
        try
        {
            signer = new TransactionSigner(deployerKey, chainId);
        }
        catch (ArgumentException e)
        {
            await stderr.WriteLineAsync($"pool token: deployer key: {e.Message}");
            return SettleExitCodes.Usage;
        }

        var submitter = new TransactionSubmitter(chain, signer, 1_000_000_000);
        var token = await RewardTokenDeployer.DeployAsync(submitter, name, symbol, admin!, settler!, TimeSpan.FromMinutes(5), cancellationToken);
        await stdout.WriteLineAsync($"deployed {name} ({symbol}, 8 decimals) on chain {chainId} by {signer.Address}: admin {admin}, settler {settler}");
        await stdout.WriteLineAsync($"{EnvironmentNames.TokenAddress}={token}");
        return SettleExitCodes.Ok;
    }
}
