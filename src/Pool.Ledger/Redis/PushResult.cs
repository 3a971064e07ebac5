namespace Pool.Ledger.Redis;

/// <summary>What Redis answered to a batch or a round close.</summary>
/// <param name="Outcome">Applied now, already applied before, or overlapping what is applied.</param>
/// <param name="Value">Highest applied sequence (already applied / overlap), or the round written to (applied).</param>
/// <param name="AppliedBefore">When applied: the highest sequence of the spool Redis held before.</param>
internal readonly record struct PushResult(PushOutcome Outcome, long Value, long AppliedBefore = 0);
