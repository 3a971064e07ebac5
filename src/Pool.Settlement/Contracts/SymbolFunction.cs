using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Pool.Settlement.Contracts;

/// <summary>ERC-20 symbol().</summary>
[Function("symbol", "string")]
public sealed class SymbolFunction : FunctionMessage;
