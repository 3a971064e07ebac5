using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Pool.LoadGenerator;

/// <summary>One simulated miner: subscribes, authorizes, follows jobs and sends submits when told to.</summary>
public sealed class StratumLoadConnection : IAsyncDisposable
{
    private const int PendingSlots = 1024;
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    private readonly long[] _sentAt = new long[PendingSlots];
    private readonly byte[] _sendBuffer = new byte[512];
    private readonly LoadResults _results;
    private readonly string _login;
    private int _sending;
    private bool _authorized;
    private long _nextId = 10;
    private uint _nonce;
    private string? _jobId;
    private string? _ntime;

    /// <summary>Creates a connection that will log in as <paramref name="login"/>.</summary>
    public StratumLoadConnection(string login, LoadResults results)
    {
        _login = login;
        _results = results;
    }

    /// <summary>True once authorized with a job to submit against.</summary>
    public bool IsReady { get; private set; }

    /// <summary>Connects, subscribes and authorizes, then keeps reading answers until the socket closes.</summary>
    public async Task RunAsync(string host, int port, string password, CancellationToken cancellationToken)
    {
        await _socket.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
        var hello = Encoding.ASCII.GetBytes(
            "{\"id\":1,\"method\":\"mining.subscribe\",\"params\":[\"pool-loadgen/1.0\"]}\n" +
            $"{{\"id\":2,\"method\":\"mining.authorize\",\"params\":[\"{_login}\",\"{password}\"]}}\n");
        await _socket.SendAsync(hello, cancellationToken).ConfigureAwait(false);
        await ReadLoopAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends one submit unless the previous write is still in flight; returns false when it could not.</summary>
    public bool TrySubmit()
    {
        if (!IsReady || Interlocked.Exchange(ref _sending, 1) == 1)
        {
            return false;
        }

        var id = _nextId++;
        var nonce = _nonce++;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{{\"id\":{id},\"method\":\"mining.submit\",\"params\":[\"{_login}\",\"{_jobId}\",\"{nonce >> 16:x8}\",\"{_ntime}\",\"{nonce:x8}\"]}}\n");
        var length = Encoding.ASCII.GetBytes(line, _sendBuffer);
        Volatile.Write(ref _sentAt[id % PendingSlots], Stopwatch.GetTimestamp());
        _ = SendAsync(length);
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
        }

        _socket.Dispose();
        await Task.CompletedTask.ConfigureAwait(false);
    }

    private async Task SendAsync(int length)
    {
        try
        {
            await _socket.SendAsync(_sendBuffer.AsMemory(0, length)).ConfigureAwait(false);
            Interlocked.Increment(ref _results.Submitted);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            IsReady = false;
        }
        finally
        {
            Volatile.Write(ref _sending, 0);
        }
    }

    private async Task ReadLoopAsync(CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        var filled = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var read = await _socket.ReceiveAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                filled += read;
                var start = 0;
                int newline;
                while ((newline = Array.IndexOf(buffer, (byte)'\n', start, filled - start)) >= 0)
                {
                    HandleLine(buffer.AsSpan(start, newline - start));
                    start = newline + 1;
                }

                Buffer.BlockCopy(buffer, start, buffer, 0, filled - start);
                filled -= start;
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            IsReady = false;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void HandleLine(ReadOnlySpan<byte> line)
    {
        using var document = JsonDocument.Parse(line.ToArray());
        var root = document.RootElement;
        if (root.TryGetProperty("method", out var method) && method.ValueEquals("mining.notify"))
        {
            var parameters = root.GetProperty("params");
            _jobId = parameters[0].GetString();
            _ntime = parameters[7].GetString();
            IsReady = _jobId is not null && _authorized;
            return;
        }

        if (!root.TryGetProperty("id", out var idElement) || idElement.ValueKind != JsonValueKind.Number)
        {
            return;
        }

        var id = idElement.GetInt64();
        var ok = root.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.True;
        if (id == 2)
        {
            _authorized = ok;
            IsReady = _jobId is not null && _authorized;
            if (!ok)
            {
                Interlocked.Increment(ref _results.AuthorizeFailures);
            }

            return;
        }

        if (id < 10)
        {
            return;
        }

        _results.Latency.Record(Stopwatch.GetElapsedTime(Volatile.Read(ref _sentAt[id % PendingSlots])));
        if (ok)
        {
            Interlocked.Increment(ref _results.Accepted);
        }
        else
        {
            Interlocked.Increment(ref _results.Rejected);
            _results.NoteRejection(root.TryGetProperty("error", out var error) ? error.ToString() : "no error given");
        }
    }
}
