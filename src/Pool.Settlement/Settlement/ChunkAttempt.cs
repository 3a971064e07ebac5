namespace Pool.Settlement.Settlement;

/// <summary>One signed transaction for a chunk; replacements of a stuck one share its nonce.</summary>
/// <param name="Hash">Transaction hash.</param>
/// <param name="RawHex">Signed raw transaction, kept so it can be broadcast again after a crash.</param>
/// <param name="Nonce">Sender nonce.</param>
/// <param name="MaxFeePerGas">Fee cap in wei (decimal string).</param>
/// <param name="MaxPriorityFeePerGas">Tip in wei (decimal string).</param>
/// <param name="GasLimit">Gas limit.</param>
/// <param name="SignedAt">When it was recorded (just before broadcast).</param>
public sealed record ChunkAttempt(string Hash, string RawHex, long Nonce, string MaxFeePerGas, string MaxPriorityFeePerGas, long GasLimit, DateTimeOffset SignedAt);
