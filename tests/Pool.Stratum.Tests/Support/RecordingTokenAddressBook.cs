using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Pool.Core.Mining;

namespace Pool.Stratum.Tests.Support;

/// <summary>Token address book that checks the 0x+40 hex shape and remembers what it was told.</summary>
public sealed class RecordingTokenAddressBook : ITokenAddressBook
{
    public ConcurrentDictionary<string, string> Addresses { get; } = new();

    public Task SetTokenAddressAsync(string miner, string tokenAddress, CancellationToken cancellationToken = default)
    {
        if (!Regex.IsMatch(tokenAddress, "^0x[0-9a-fA-F]{40}$"))
        {
            throw new ArgumentException($"token address {tokenAddress} is not 0x followed by 40 hex digits", nameof(tokenAddress));
        }

        Addresses[miner] = tokenAddress;
        return Task.CompletedTask;
    }

    public Task<string?> GetTokenAddressAsync(string miner, CancellationToken cancellationToken = default) =>
        Task.FromResult(Addresses.TryGetValue(miner, out var a) ? a : null);
}
