using Nethereum.Contracts;
using Pool.Settlement.Chain;
using Pool.Settlement.Contracts;

namespace Pool.Settlement.Token;

/// <summary>Deploys the embedded reward token contract.</summary>
public static class RewardTokenDeployer
{
    /// <summary>Deploys with <paramref name="submitter"/>'s key paying gas; returns the contract address.</summary>
    public static async Task<string> DeployAsync(
        TransactionSubmitter submitter, string name, string symbol, string admin, string settler, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deployment = new RewardTokenDeployment { Name = name, Symbol = symbol, Admin = admin, Settler = settler };
        var receipt = await submitter.SubmitAndWaitForReceiptAsync(null, deployment.GetDeploymentData(), timeout, cancellationToken);
        return receipt.ContractAddress
            ?? throw new InvalidOperationException($"deployment {receipt.TransactionHash} has no contract address in its receipt");
    }
}
