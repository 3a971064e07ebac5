using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Pool.Stratum.Tests.Support;

namespace Pool.Stratum.Tests.Integration;

/// <summary>Answers written by the read loop and notifications queued from other threads share one output in order.</summary>
[Category("Integration")]
public class AnswerOrderTests
{
    private const int PipelinedRequests = 4000;

    [Test]
    public async Task Requests_PipelinedWhileJobsArrive_EveryAnswerInRequestOrderAndEveryJobDelivered()
    {
        // A notification queue with room for every job published but far less than the answers pipelined: answers must
        // never take its room, or the miner would be cut off as a slow reader while it is reading everything.
        var options = StratumTestServer.DefaultOptions();
        options.OutboundQueueCapacity = 64;
        await using var server = await StratumTestServer.StartAsync(options);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", server.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(
            $"{{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[]}}\n{{\"id\":2,\"method\":\"mining.authorize\",\"params\":[\"{StratumTestServer.Address}\",\"x\"]}}\n"));
        var lines = new List<string>();
        var pending = new StringBuilder();
        await ReadLinesAsync(server, stream, lines, pending, () => lines.Exists(l => l.Contains("\"id\":2,", StringComparison.Ordinal)));
        var requests = new StringBuilder();
        for (var id = 3; id < PipelinedRequests + 3; id++)
        {
            requests.Append($"{{\"id\":{id},\"method\":\"mining.extranonce.subscribe\",\"params\":[]}}\n");
        }

        // Far more answers than one flush holds, written while new jobs are being broadcast to the same connection. The
        // client reads while it writes, as a miner does: one that stops reading is disconnected once its queue is full.
        const int published = 50;
        var lastAnswer = $"\"id\":{PipelinedRequests + 2},";
        var read = ReadLinesAsync(server, stream, lines, pending, () => lines.Exists(l => l.Contains(lastAnswer, StringComparison.Ordinal))
            && lines.Count(l => l.Contains("\"method\":\"mining.notify\"", StringComparison.Ordinal)) > published);
        var write = stream.WriteAsync(Encoding.UTF8.GetBytes(requests.ToString())).AsTask();
        var previous = server.Jobs.Current!.PreviousBlockHash;
        for (var i = 0; i < published; i++)
        {
            server.Jobs.Publish(TestJobs.Create(previousBlockHash: previous, cleanJobs: false));
            await Task.Delay(2);
        }

        await write;

        // Every answer, and the first job after authorizing plus each one published.
        await read;

        var answered = new List<long>();
        var notifies = 0;
        foreach (var line in lines)
        {
            using var message = JsonDocument.Parse(line);
            var root = message.RootElement;
            if (root.TryGetProperty("method", out var method))
            {
                notifies += method.GetString() == "mining.notify" ? 1 : 0;
            }
            else
            {
                Assert.That(root.GetProperty("error").ValueKind, Is.EqualTo(JsonValueKind.Null), line);
                answered.Add(root.GetProperty("id").GetInt64());
            }
        }

        Assert.That(answered, Is.EqualTo(Enumerable.Range(1, PipelinedRequests + 2).Select(i => (long)i)));
        Assert.That(notifies, Is.EqualTo(published + 1));
        await HostileInputTests.AssertValidMinerWorksAsync(server);
    }

    private static async Task ReadLinesAsync(StratumTestServer server, NetworkStream stream, List<string> lines, StringBuilder pending, Func<bool> done)
    {
        var chunk = new byte[16 * 1024];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!done())
        {
            var read = await stream.ReadAsync(chunk, timeout.Token);
            Assert.That(read, Is.Positive, () => "the server closed the connection; its log:\n"
                + string.Join('\n', server.Logs.Entries.Select(e => $"{e.Level} {e.Message}")));
            pending.Append(Encoding.UTF8.GetString(chunk, 0, read));
            var text = pending.ToString();
            var end = text.LastIndexOf('\n');
            if (end >= 0)
            {
                lines.AddRange(text[..end].Split('\n', StringSplitOptions.RemoveEmptyEntries));
                pending.Clear().Append(text[(end + 1)..]);
            }
        }
    }
}
