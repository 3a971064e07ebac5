namespace Pool.Core.Mining;

/// <summary>Which EVM address receives a miner's reward tokens, keyed by the miner's coin payout address.</summary>
public interface ITokenAddressBook
{
    /// <summary>Stores the token address a miner named (e.g. <c>eth=0x…</c> in the Stratum password).</summary>
    /// <exception cref="ArgumentException">The address is not a valid EVM address (or fails its EIP-55 checksum); the message says why.</exception>
    Task SetTokenAddressAsync(string miner, string tokenAddress, CancellationToken cancellationToken = default);

    /// <summary>The token address a miner named, or null when none was given yet (rewards then accrue).</summary>
    Task<string?> GetTokenAddressAsync(string miner, CancellationToken cancellationToken = default);
}
