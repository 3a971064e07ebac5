namespace Pool.Chain.Blocks;

/// <summary>A full serialized block ready for submitblock.</summary>
/// <param name="Data">The block as the node deserializes it.</param>
/// <param name="Header">Its 80-byte header.</param>
/// <param name="Hash">Block hash, display order.</param>
public sealed record AssembledBlock(byte[] Data, byte[] Header, string Hash);
