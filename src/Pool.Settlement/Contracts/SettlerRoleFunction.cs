using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Pool.Settlement.Contracts;

/// <summary>SETTLER_ROLE(): the role id of the settlement key.</summary>
[Function("SETTLER_ROLE", "bytes32")]
public sealed class SettlerRoleFunction : FunctionMessage;
