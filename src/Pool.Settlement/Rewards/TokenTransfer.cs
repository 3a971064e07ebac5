namespace Pool.Settlement.Rewards;

/// <summary>One mint of a settlement: an EVM address and the base units it receives.</summary>
public sealed record TokenTransfer(string Address, long Amount);
