using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Pool.Settlement.Contracts;

/// <summary>unpause(): resumes settlement (admin only).</summary>
[Function("unpause")]
public sealed class UnpauseFunction : FunctionMessage;
