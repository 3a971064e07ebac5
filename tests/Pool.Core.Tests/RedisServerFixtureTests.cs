using System.Net;
using System.Net.Sockets;
using System.Text;
using Pool.Testing;

namespace Pool.Core.Tests;

[Category("Integration")]
public class RedisServerFixtureTests
{
    [Test]
    public async Task StartAsync_RealRedis_AnswersAndRestartsOnSamePort()
    {
        await using var redis = await RedisServer.StartAsync();
        Assert.That(await SendAsync(redis.Port, "ECHO hi\r\n"), Does.StartWith("$2"));

        redis.Kill();
        Assert.ThrowsAsync<SocketException>(() => SendAsync(redis.Port, "PING\r\n"));

        await redis.StartAgainAsync();
        Assert.That(await SendAsync(redis.Port, "PING\r\n"), Does.StartWith("+PONG"));
    }

    [Test]
    public async Task StartAgainAsync_PortTakenMeanwhile_SaysSo()
    {
        await using var redis = await RedisServer.StartAsync();
        redis.Kill();
        using var squatter = new TcpListener(IPAddress.Loopback, redis.Port);
        squatter.Start();

        var failure = Assert.ThrowsAsync<InvalidOperationException>(redis.StartAgainAsync);

        Assert.That(failure!.Message, Does.Contain($"another process took its port {redis.Port}"));
        Assert.That(failure.InnerException!.Message, Does.Contain("Address already in use"), "the server's own words");
    }

    private static async Task<string> SendAsync(int port, string command)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(command));
        var buffer = new byte[256];
        var read = await stream.ReadAsync(buffer);
        return Encoding.ASCII.GetString(buffer, 0, read);
    }
}
