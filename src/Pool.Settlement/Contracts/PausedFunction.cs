using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Pool.Settlement.Contracts;

/// <summary>paused(): true while settlement is paused.</summary>
[Function("paused", "bool")]
public sealed class PausedFunction : FunctionMessage;
