namespace Pool.Ledger.Spool;

/// <summary>One record read back from the spool; <paramref name="Payload"/> points into the reader's buffer.</summary>
/// <param name="Sequence">The spool sequence number (1, 2, 3, … for the life of the spool).</param>
/// <param name="Type">Share or block.</param>
/// <param name="Payload">The record's text bytes.</param>
public readonly record struct SpoolEntry(long Sequence, SpoolRecordType Type, ReadOnlyMemory<byte> Payload);
