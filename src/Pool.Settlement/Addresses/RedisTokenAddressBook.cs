using Pool.Core.Mining;
using StackExchange.Redis;

namespace Pool.Settlement.Addresses;

/// <summary>Miners' token (EVM) addresses in one Redis hash: coin payout address → checksummed EVM address.</summary>
public sealed class RedisTokenAddressBook : ITokenAddressBook
{
    /// <summary>Hash key suffix under the key prefix.</summary>
    public const string KeySuffix = "token-addresses";

    private readonly IDatabase _database;
    private readonly RedisKey _key;

    public RedisTokenAddressBook(IDatabase database, string keyPrefix)
    {
        _database = database;
        _key = keyPrefix + KeySuffix;
    }

    public async Task SetTokenAddressAsync(string miner, string tokenAddress, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(miner))
        {
            throw new ArgumentException("the miner's coin address is empty", nameof(miner));
        }

        var normalized = EvmAddress.Normalize(tokenAddress, nameof(tokenAddress));
        await _database.HashSetAsync(_key, miner, normalized);
    }

    public async Task<string?> GetTokenAddressAsync(string miner, CancellationToken cancellationToken = default)
    {
        var value = await _database.HashGetAsync(_key, miner);
        return value.IsNull ? null : value.ToString();
    }

    /// <summary>The token addresses of <paramref name="miners"/> in one round trip; absent miners map to null.</summary>
    public async Task<IReadOnlyDictionary<string, string?>> GetTokenAddressesAsync(IReadOnlyCollection<string> miners)
    {
        var keys = miners.Select(m => (RedisValue)m).ToArray();
        var values = keys.Length == 0 ? [] : await _database.HashGetAsync(_key, keys);
        var result = new Dictionary<string, string?>(miners.Count, StringComparer.Ordinal);
        var i = 0;
        foreach (var miner in miners)
        {
            result[miner] = values[i].IsNull ? null : values[i].ToString();
            i++;
        }

        return result;
    }
}
