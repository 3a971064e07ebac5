using Pool.Core.Mining;

namespace Pool.Settlement.Tests;

/// <summary>The ledger's closed rounds as a test sets them (test double of our IRoundStore boundary).</summary>
internal sealed class InMemoryRoundStore : IRoundStore
{
    private readonly List<ClosedRound> _rounds = [];

    public void Add(ClosedRound round)
    {
        lock (_rounds)
        {
            _rounds.Add(round);
        }
    }

    public void SetStatus(string roundId, RoundStatus status)
    {
        lock (_rounds)
        {
            var index = _rounds.FindIndex(r => r.RoundId == roundId);
            _rounds[index] = _rounds[index] with { Status = status };
        }
    }

    public Task<IReadOnlyList<ClosedRound>> GetClosedRoundsAsync(CancellationToken cancellationToken = default)
    {
        lock (_rounds)
        {
            return Task.FromResult<IReadOnlyList<ClosedRound>>(_rounds.ToList());
        }
    }
}
