using System.Numerics;
using Nethereum.Hex.HexConvertors.Extensions;
using Pool.Settlement.Chain;
using Pool.Settlement.Contracts;
using Pool.Settlement.Settlement;
using StackExchange.Redis;

namespace Pool.Settlement.Commands;

public sealed partial class TokenCommand
{
    private async Task<int> StatusAsync(CommandArguments parsed, EvmChain chain, TextWriter stdout, TextWriter stderr)
    {
        if (!TryAddress(parsed, "--token", EnvironmentNames.TokenAddress, required: true, stderr, out var token)
            || !TryAddress(parsed, "--settler", null, required: false, stderr, out var settler))
        {
            return SettleExitCodes.Usage;
        }

        if (settler is null && PrivateKeySource.TryRead(_environment, EnvironmentNames.SettlerKey, EnvironmentNames.SettlerKeyFile, null, out var key, out _))
        {
            settler = TransactionSigner.AddressOf(key);
        }

        var chainId = await chain.GetChainIdAsync();
        if (!await chain.HasCodeAsync(token!))
        {
            await stderr.WriteLineAsync($"pool token: no contract at {token} on chain {chainId} ({chain.RpcUrl})");
            return SettleExitCodes.Failed;
        }

        var name = await chain.QueryAsync<NameFunction, string>(token!, new NameFunction());
        var symbol = await chain.QueryAsync<SymbolFunction, string>(token!, new SymbolFunction());
        var decimals = await chain.QueryAsync<DecimalsFunction, byte>(token!, new DecimalsFunction());
        var supply = await chain.QueryAsync<TotalSupplyFunction, BigInteger>(token!, new TotalSupplyFunction());
        var paused = await chain.QueryAsync<PausedFunction, bool>(token!, new PausedFunction());
        await stdout.WriteLineAsync($"token {token} on chain {chainId}, block {await chain.GetBlockNumberAsync()}");
        await stdout.WriteLineAsync($"  {name} ({symbol}), {decimals} decimals, total supply {supply} base units");
        await stdout.WriteLineAsync($"  settlement {(paused ? "PAUSED" : "open")}");
        if (settler is not null)
        {
            var role = await chain.QueryAsync<SettlerRoleFunction, byte[]>(token!, new SettlerRoleFunction());
            var hasRole = await chain.QueryAsync<HasRoleFunction, bool>(token!, new HasRoleFunction { Role = role, Account = settler });
            var gas = await chain.GetEtherBalanceAsync(settler);
            await stdout.WriteLineAsync($"  settler {settler}: {(hasRole ? "has" : "LACKS")} the settler role, {gas} wei for gas");
            if (!hasRole)
            {
                return SettleExitCodes.Failed;
            }
        }

        if (parsed.Get("--settlements", null, _environment) is { } countText)
        {
            if (!int.TryParse(countText, out var count) || count < 1
                || !BigInteger.TryParse(parsed.Get("--from-block", null, _environment) ?? "0", out var fromBlock) || fromBlock < 0)
            {
                await stderr.WriteLineAsync("pool token: --settlements takes a positive count and --from-block a block number");
                return SettleExitCodes.Usage;
            }

            var events = await chain.GetSettledEventsAsync(token!, fromBlock);
            await stdout.WriteLineAsync($"  {events.Count} settlement(s) on chain since block {fromBlock}; the last {Math.Min(count, events.Count)}:");
            foreach (var settled in events.TakeLast(count))
            {
                await stdout.WriteLineAsync(
                    $"  {settled.SettlementId.ToHex(true)}: coin block {settled.CoinHeight} {settled.CoinBlockHash.ToHex()}, shares root {settled.SharesRoot.ToHex()}, {settled.Total} units to {settled.RecipientCount} recipient(s)");
            }
        }

        if (parsed.Get("--redis", EnvironmentNames.Redis, _environment) is { } redis)
        {
            await WriteSettlementStateAsync(redis, parsed.Get("--key-prefix", EnvironmentNames.KeyPrefix, _environment) ?? "pool:", stdout);
        }

        return SettleExitCodes.Ok;
    }

    private static async Task WriteSettlementStateAsync(string redis, string keyPrefix, TextWriter stdout)
    {
        var configuration = ConfigurationOptions.Parse(redis);
        configuration.ConnectTimeout = Math.Min(configuration.ConnectTimeout, 5000);
        try
        {
            await using var connection = await ConnectionMultiplexer.ConnectAsync(configuration);
            var store = new RedisSettlementStore(connection.GetDatabase(), keyPrefix);
            var chunks = await store.GetAllChunksAsync();
            var open = chunks.Where(c => c.State != ChunkState.Final).ToList();
            var balances = await store.GetBalancesAsync();
            var states = string.Join(", ", open.GroupBy(c => c.State).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"));
            await stdout.WriteLineAsync($"  settlements: {chunks.Count - open.Count} final, {open.Count} open{(open.Count > 0 ? " (" + states + ")" : string.Empty)}, {chunks.Where(c => c.State != ChunkState.Planned).Sum(c => c.Total)} units minted or in flight");
            await stdout.WriteLineAsync($"  carried balances: {balances.Values.Sum()} units owed to {balances.Count} miner(s)");
            foreach (var chunk in open)
            {
                await stdout.WriteLineAsync($"  open {chunk.Id} round {chunk.RoundId}: {chunk.State.ToString().ToLowerInvariant()}{(chunk.LastError is null ? string.Empty : " — " + chunk.LastError)}");
            }
        }
        catch (RedisConnectionException e)
        {
            await stdout.WriteLineAsync($"  settlement state: cannot reach Redis at {redis} ({e.FailureType})");
        }
    }
}
