namespace Pool.Ledger.Spool;

/// <summary>What a spool record holds.</summary>
public enum SpoolRecordType : byte
{
    /// <summary>An accepted share (<see cref="Records.ShareRecord"/> text).</summary>
    Share = 1,

    /// <summary>A found block that closes the round (<see cref="Records.BlockRecord"/> text).</summary>
    Block = 2,
}
