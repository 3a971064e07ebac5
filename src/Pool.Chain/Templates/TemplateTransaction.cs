namespace Pool.Chain.Templates;

/// <summary>One transaction of a block template.</summary>
/// <param name="Data">Serialized transaction exactly as the node gave it (witness form when it has a witness).</param>
/// <param name="TransactionId">Txid in internal byte order (the merkle leaf).</param>
/// <param name="Fee">Fee in base units, as the template reports it.</param>
public sealed record TemplateTransaction(byte[] Data, byte[] TransactionId, long Fee);
