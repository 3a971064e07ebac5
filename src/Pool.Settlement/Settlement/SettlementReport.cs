namespace Pool.Settlement.Settlement;

/// <summary>What one run did: rounds planned or orphaned, chunks mined and finalized, and what is still waiting.</summary>
public sealed class SettlementReport
{
    public SettlementOutcome Outcome { get; set; } = SettlementOutcome.Completed;

    /// <summary>Why the run failed or is pending.</summary>
    public string? Error { get; set; }

    /// <summary>Rounds recorded as orphaned in this run (they pay nothing).</summary>
    public List<string> OrphanedRounds { get; } = [];

    /// <summary>Rounds skipped because their data is malformed, with the reason; they stay unpaid until fixed.</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>Rounds not yet mature, left for a later run.</summary>
    public int ImmatureRounds { get; set; }

    /// <summary>Plans committed in this run (or, in a dry run, that would be).</summary>
    public List<SettlementPlanRecord> Plans { get; } = [];

    /// <summary>Chunks whose settle() transaction was mined in this run.</summary>
    public List<SettlementChunk> Mined { get; } = [];

    /// <summary>Chunks that reached final confirmations in this run.</summary>
    public List<SettlementChunk> Finalized { get; } = [];

    /// <summary>Chunks left open at the end of the run.</summary>
    public List<SettlementChunk> Open { get; } = [];
}
