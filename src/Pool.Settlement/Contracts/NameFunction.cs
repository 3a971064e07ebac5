using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Pool.Settlement.Contracts;

/// <summary>ERC-20 name().</summary>
[Function("name", "string")]
public sealed class NameFunction : FunctionMessage;
