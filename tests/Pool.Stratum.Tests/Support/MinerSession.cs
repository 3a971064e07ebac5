using Pool.Testing;
using System.Text.Json;
using Pool.Core.Pow;

namespace Pool.Stratum.Tests.Support;

/// <summary>A connected, subscribed and authorized test miner with its first job.</summary>
public sealed class MinerSession : IAsyncDisposable
{
    private MinerSession(StratumTestClient client, TestMiner miner, JsonElement job, string worker)
    {
        Client = client;
        Miner = miner;
        Job = job;
        Worker = worker;
    }

    public StratumTestClient Client { get; }

    public TestMiner Miner { get; }

    public JsonElement Job { get; set; }

    public string Worker { get; }

    public static async Task<MinerSession> OpenAsync(StratumTestServer server, string? worker = null, string password = "x", PowAlgorithm? pow = null)
    {
        var client = await server.ConnectAsync();
        var subscribe = await client.CallAsync("mining.subscribe", "[\"test-miner/1.0\"]");
        worker ??= StratumTestServer.Address + ".rig1";
        var authorize = await client.CallAsync("mining.authorize", $"[\"{worker}\",\"{password}\"]");
        Assert.That(authorize.GetProperty("result").ValueKind, Is.EqualTo(JsonValueKind.True), authorize.ToString());
        var job = await client.NotificationAsync("mining.notify");
        return new MinerSession(client, TestMiner.FromSubscribe(pow ?? Sha256dPow.Instance, subscribe), job, worker);
    }

    public Task<JsonElement> SubmitAsync(FoundShare share, bool withVersion = false) =>
        Client.CallAsync("mining.submit", share.SubmitParams(Worker, withVersion));

    public ValueTask DisposeAsync() => Client.DisposeAsync();
}
