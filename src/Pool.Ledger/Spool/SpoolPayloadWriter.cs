namespace Pool.Ledger.Spool;

/// <summary>Serialises <paramref name="state"/> into <paramref name="destination"/> and returns the bytes written.</summary>
public delegate int SpoolPayloadWriter<in TState>(TState state, Span<byte> destination);
