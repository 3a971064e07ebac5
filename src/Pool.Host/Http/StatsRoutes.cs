using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Pool.Host.Stats;
using Pool.Stratum.Security;
using StackExchange.Redis;

namespace Pool.Host.Http;

/// <summary>The read-only miner stats API: GET /api/pool and GET /api/miners/{address}.</summary>
public static class StatsRoutes
{
    /// <summary>Path of the pool overview.</summary>
    public const string PoolPath = "/api/pool";

    /// <summary>Path of one miner's figures.</summary>
    public const string MinerPath = "/api/miners/{address}";

    /// <summary>Maps both routes on <paramref name="app"/>, limited by the rate limiting policy <paramref name="rateLimitPolicy"/> when one is named.</summary>
    public static void MapStats(this WebApplication app, PoolStatsReader stats, IPayoutAddressValidator addresses, string? rateLimitPolicy)
    {
        var api = app.MapGroup(string.Empty);
        if (rateLimitPolicy is not null)
        {
            api.RequireRateLimiting(rateLimitPolicy);
        }

        api.MapGet(PoolPath, () => AnswerAsync(async () => Results.Json(await stats.GetPoolStatsAsync().ConfigureAwait(false), HttpJson.Options)));
        api.MapGet(MinerPath, (string address) => AnswerAsync(async () =>
        {
            if (!addresses.TryValidate(address, out var reason))
            {
                return Results.Json(new ApiError($"'{address}' is {reason}"), HttpJson.Options, statusCode: StatusCodes.Status400BadRequest);
            }

            var miner = await stats.GetMinerStatsAsync(address).ConfigureAwait(false);
            return miner is null
                ? Results.Json(new ApiError($"the pool has no shares, balance or token address for {address}"), HttpJson.Options, statusCode: StatusCodes.Status404NotFound)
                : Results.Json(miner, HttpJson.Options);
        }));
    }

    // Redis away is the one failure a reader expects: say so with 503 instead of an empty 500.
    private static async Task<IResult> AnswerAsync(Func<Task<IResult>> answer)
    {
        try
        {
            return await answer().ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return Results.Json(new ApiError($"the pool's Redis does not answer: {e.Message}"), HttpJson.Options, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
