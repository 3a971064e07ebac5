using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Pool.Settlement.Contracts;

/// <summary>ERC-20 decimals() (8 for this token).</summary>
[Function("decimals", "uint8")]
public sealed class DecimalsFunction : FunctionMessage;
