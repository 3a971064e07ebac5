using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Pool.Settlement.Contracts;

/// <summary>Constructor call of the reward token: name, symbol, admin and settler.</summary>
public sealed class RewardTokenDeployment : ContractDeploymentMessage
{
    public RewardTokenDeployment()
        : base(RewardTokenArtifact.Current.Bytecode)
    {
    }

    [Parameter("string", "name_", 1)]
    public string Name { get; set; } = string.Empty;

    [Parameter("string", "symbol_", 2)]
    public string Symbol { get; set; } = string.Empty;

    [Parameter("address", "admin", 3)]
    public string Admin { get; set; } = string.Empty;

    [Parameter("address", "settler", 4)]
    public string Settler { get; set; } = string.Empty;
}
