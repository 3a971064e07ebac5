namespace Pool.Core.Mining;

/// <summary>A round closed by a found block, with the share window it pays frozen at close.</summary>
/// <param name="RoundId">Stable id of the round.</param>
/// <param name="Block">The block that closed it.</param>
/// <param name="Status">Pending, confirmed or orphaned.</param>
/// <param name="PplnsScores">Credited difficulty per payout address over the PPLNS window (last N × network difficulty of work).</param>
/// <param name="RoundScores">Credited difficulty per payout address over the whole round (for PROP).</param>
/// <param name="SharesRoot">Hex Merkle root over the frozen window's leaves, so anyone can check what a payout was based on.</param>
public sealed record ClosedRound(
    string RoundId,
    FoundBlock Block,
    RoundStatus Status,
    IReadOnlyDictionary<string, double> PplnsScores,
    IReadOnlyDictionary<string, double> RoundScores,
    string SharesRoot);
