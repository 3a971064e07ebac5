namespace Pool.Core.Mining;

/// <summary>The ledger's closed rounds, as settlement reads them.</summary>
public interface IRoundStore
{
    /// <summary>Closed rounds in the order they were found, with their current status.</summary>
    Task<IReadOnlyList<ClosedRound>> GetClosedRoundsAsync(CancellationToken cancellationToken = default);
}
