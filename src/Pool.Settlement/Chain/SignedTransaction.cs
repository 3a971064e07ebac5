using System.Numerics;

namespace Pool.Settlement.Chain;

/// <summary>A locally signed EIP-1559 transaction: what is recorded before it is broadcast.</summary>
/// <param name="Hash">Transaction hash, 0x-prefixed.</param>
/// <param name="RawHex">Signed RLP, 0x-prefixed, ready for eth_sendRawTransaction.</param>
/// <param name="Nonce">Sender nonce.</param>
/// <param name="Fees">Fee fields it was signed with.</param>
/// <param name="GasLimit">Gas limit.</param>
public sealed record SignedTransaction(string Hash, string RawHex, BigInteger Nonce, Eip1559Fees Fees, BigInteger GasLimit);
