namespace Pool.Ledger.Spool;

/// <summary>How far the spool is durable: the active segment and the bytes and sequence written to it.</summary>
/// <param name="SegmentFirstSequence">Name (first sequence) of the segment being appended to.</param>
/// <param name="Length">Bytes of that segment that are written.</param>
/// <param name="Sequence">Highest sequence written.</param>
internal sealed record SpoolTail(long SegmentFirstSequence, long Length, long Sequence);
