using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Pool.Settlement.Contracts;

/// <summary>pause(): stops settlement (admin only).</summary>
[Function("pause")]
public sealed class PauseFunction : FunctionMessage;
