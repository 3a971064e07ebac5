using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Pool.Chain.Rpc;
using Pool.Chain.Tests.Support;
using Pool.Testing;

namespace Pool.Chain.Tests.Rpc;

/// <summary>The client against peers that are not a working node: nothing listening, garbage, broken HTTP, silence.</summary>
public sealed class NodeRpcClientTests
{
    private static readonly RetryBackoff FastRetry = new(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(80), 4);

    [Test]
    public void Call_NothingListening_UnreachableAfterRetriesWithBackoff()
    {
        using var client = Client(new Uri($"http://127.0.0.1:{FreePort.Next()}/"));
        var clock = Stopwatch.StartNew();

        var error = Assert.ThrowsAsync<NodeRpcException>(() => client.GetBestBlockHashAsync());

        Assert.That(error!.Failure, Is.EqualTo(NodeRpcFailure.Unreachable));
        Assert.That(error.Message, Does.Contain("cannot reach the node"));
        // Timers tick in whole milliseconds and may fire up to one early, so each of the three delays gets 1 ms of slack.
        Assert.That(clock.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(20 + 40 + 80 - 3)), "three back-off delays between four attempts");
    }

    [Test]
    public async Task Call_GarbageBody_MalformedResponseNotRetried()
    {
        await using var peer = new HostileHttpPeer(HostileHttpPeer.Http(200, "<html>not json</html>"));
        using var client = Client(peer.Url);

        var error = Assert.ThrowsAsync<NodeRpcException>(() => client.GetBestBlockHashAsync());

        Assert.That(error!.Failure, Is.EqualTo(NodeRpcFailure.MalformedResponse));
        Assert.That(error.Message, Does.Contain("not JSON"));
        Assert.That(peer.Requests, Is.EqualTo(1));
    }

    [Test]
    public async Task Call_ServerErrorWithoutJson_HttpErrorRetried()
    {
        await using var peer = new HostileHttpPeer(HostileHttpPeer.Http(503, "Work queue depth exceeded"));
        using var client = Client(peer.Url);

        var error = Assert.ThrowsAsync<NodeRpcException>(() => client.GetBestBlockHashAsync());

        Assert.That(error!.Failure, Is.EqualTo(NodeRpcFailure.HttpError));
        Assert.That(error.Message, Does.Contain("503"));
        Assert.That(peer.Requests, Is.EqualTo(4));
    }

    [Test]
    public async Task Call_Unauthorized_SaysToCheckCredentials()
    {
        await using var peer = new HostileHttpPeer(HostileHttpPeer.Http(401, string.Empty));
        using var client = Client(peer.Url);

        var error = Assert.ThrowsAsync<NodeRpcException>(() => client.GetConnectionCountAsync());

        Assert.That(error!.Failure, Is.EqualTo(NodeRpcFailure.Unauthorized));
        Assert.That(error.Message, Does.Contain("credentials"));
        Assert.That(peer.Requests, Is.EqualTo(1));
    }

    [Test]
    public async Task Call_WrongShapes_MalformedResponse()
    {
        await using (var peer = new HostileHttpPeer(HostileHttpPeer.Http(200, """{"result":5,"error":null,"id":1}""")))
        {
            using var client = Client(peer.Url);
            var error = Assert.ThrowsAsync<NodeRpcException>(() => client.GetBestBlockHashAsync());
            Assert.That(error!.Failure, Is.EqualTo(NodeRpcFailure.MalformedResponse));
            Assert.That(error.Message, Does.Contain("not a block hash"));
        }

        await using (var peer = new HostileHttpPeer(HostileHttpPeer.Http(200, """{"id":1}""")))
        {
            using var client = Client(peer.Url);
            var error = Assert.ThrowsAsync<NodeRpcException>(() => client.GetConnectionCountAsync());
            Assert.That(error!.Message, Does.Contain("neither result nor error"));
        }

        await using (var peer = new HostileHttpPeer(HostileHttpPeer.Http(200, """{"result":null,"error":"boom"}""")))
        {
            using var client = Client(peer.Url);
            var error = Assert.ThrowsAsync<NodeRpcException>(() => client.GetConnectionCountAsync());
            Assert.That(error!.Message, Does.Contain("no numeric code"));
        }
    }

    [Test]
    public async Task GetBlockTemplate_TemplateMissingFields_NamesTheField()
    {
        await using var peer = new HostileHttpPeer(HostileHttpPeer.Http(200, """{"result":{"height":5,"transactions":[]},"error":null,"id":1}"""));
        using var client = Client(peer.Url);

        var error = Assert.ThrowsAsync<NodeRpcException>(() => client.GetBlockTemplateAsync(["segwit"]));

        Assert.That(error!.Failure, Is.EqualTo(NodeRpcFailure.MalformedResponse));
        Assert.That(error.Message, Does.Contain("previousblockhash"));
    }

    [Test]
    public async Task Call_TruncatedBody_ReportedNotHung()
    {
        await using var peer = new HostileHttpPeer("HTTP/1.1 200 OK\r\nContent-Length: 100\r\nConnection: close\r\n\r\n{\"result\":");
        using var client = Client(peer.Url);

        var error = Assert.ThrowsAsync<NodeRpcException>(() => client.GetConnectionCountAsync());

        Assert.That(error!.Failure, Is.AnyOf(NodeRpcFailure.Unreachable, NodeRpcFailure.MalformedResponse));
    }

    [Test]
    public async Task CallOnce_PeerNeverAnswers_TimeoutAfterDeadline()
    {
        await using var peer = new HostileHttpPeer(null);
        using var client = Client(peer.Url);

        var error = Assert.ThrowsAsync<NodeRpcException>(() => client.CallOnceAsync("getblockcount", null, TimeSpan.FromMilliseconds(300)));

        Assert.That(error!.Failure, Is.EqualTo(NodeRpcFailure.Timeout));
        Assert.That(error.IsTransient, Is.True);
    }

    [Test]
    public void Call_CookieFileMissing_ClearError()
    {
        using var client = new NodeRpcClient(new Uri("http://127.0.0.1:1/"), NodeCredentials.FromCookieFile("/nonexistent/.cookie"),
            TimeSpan.FromSeconds(1), FastRetry, TimeProvider.System, NullLogger.Instance);

        var error = Assert.ThrowsAsync<NodeRpcException>(() => client.GetConnectionCountAsync());

        Assert.That(error!.Message, Does.Contain("/nonexistent/.cookie"));
    }

    [Test]
    public void DelayAfter_Failures_DoublesUpToMaximum()
    {
        var backoff = new RetryBackoff(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1), 10);

        var delays = Enumerable.Range(1, 5).Select(backoff.DelayAfter).Select(d => (int)d.TotalMilliseconds);

        Assert.That(delays, Is.EqualTo(new[] { 250, 500, 1000, 1000, 1000 }));
        Assert.That(backoff.DelayAfter(1000), Is.EqualTo(TimeSpan.FromSeconds(1)));
    }

    private static NodeRpcClient Client(Uri url) =>
        new(url, NodeCredentials.FromUserPassword("user", "secret"), TimeSpan.FromSeconds(5), FastRetry, TimeProvider.System, NullLogger.Instance);
}
