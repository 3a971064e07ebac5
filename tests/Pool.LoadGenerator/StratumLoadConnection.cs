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

    // Lines are short (a notify with an 11-hash branch is ~1.2 KiB); 10,000 miners must not hold 64 KiB each.
    private const int ReceiveBufferBytes = 8 * 1024;
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    private readonly long[] _sentAt = new long[PendingSlots];
    private readonly byte[] _sendBuffer = new byte[512];
    private readonly LoadResults _results;
    private readonly string _login;
    private int _sending;
    private bool _authorized;
    private long _nextId = 10;
    private uint _nonce;
    private readonly byte[] _loginUtf8;
    private byte[] _jobIdUtf8 = [];
    private byte[] _ntimeUtf8 = [];

    /// <summary>Creates a connection that will log in as <paramref name="login"/>.</summary>
    public StratumLoadConnection(string login, LoadResults results)
    {
        _login = login;
        _loginUtf8 = Encoding.UTF8.GetBytes(login);
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
        var length = WriteSubmit(_sendBuffer, id, nonce);
        Volatile.Write(ref _sentAt[id % PendingSlots], Stopwatch.GetTimestamp());
        _ = SendAsync(length);
        return true;
    }

    // {"id":N,"method":"mining.submit","params":["LOGIN","JOB","EN2","NTIME","NONCE"]}\n written straight as bytes.
    private int WriteSubmit(Span<byte> buffer, long id, uint nonce)
    {
        var at = Append(buffer, 0, "{\"id\":"u8);
        id.TryFormat(buffer[at..], out var written, default, CultureInfo.InvariantCulture);
        at += written;
        at = Append(buffer, at, ",\"method\":\"mining.submit\",\"params\":[\""u8);
        at = Append(buffer, at, _loginUtf8);
        at = Append(buffer, at, "\",\""u8);
        at = Append(buffer, at, _jobIdUtf8);
        at = Append(buffer, at, "\",\""u8);
        (nonce >> 16).TryFormat(buffer[at..], out written, "x8", CultureInfo.InvariantCulture);
        at += written;
        at = Append(buffer, at, "\",\""u8);
        at = Append(buffer, at, _ntimeUtf8);
        at = Append(buffer, at, "\",\""u8);
        nonce.TryFormat(buffer[at..], out written, "x8", CultureInfo.InvariantCulture);
        at += written;
        return Append(buffer, at, "\"]}\n"u8);
    }

    private static int Append(Span<byte> buffer, int at, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(buffer[at..]);
        return at + bytes.Length;
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
        var buffer = ArrayPool<byte>.Shared.Rent(ReceiveBufferBytes);
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
        // Notifications are rare: parse them fully. Answers are the hot path: read id and result only.
        if (line.IndexOf("\"method\""u8) >= 0)
        {
            HandleNotification(line);
            return;
        }

        var reader = new Utf8JsonReader(line);
        long id = -1;
        var ok = false;
        while (reader.Read() && reader.CurrentDepth <= 1)
        {
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1)
            {
                continue;
            }

            if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                id = reader.TokenType == JsonTokenType.Number ? reader.GetInt64() : -1;
            }
            else if (reader.ValueTextEquals("result"u8))
            {
                reader.Read();
                ok = reader.TokenType == JsonTokenType.True;
                reader.Skip();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        HandleAnswer(id, ok, line);
    }

    private void HandleNotification(ReadOnlySpan<byte> line)
    {
        using var document = JsonDocument.Parse(line.ToArray());
        var root = document.RootElement;
        if (root.GetProperty("method").ValueEquals("mining.notify"))
        {
            var parameters = root.GetProperty("params");
            _jobIdUtf8 = Encoding.UTF8.GetBytes(parameters[0].GetString()!);
            _ntimeUtf8 = Encoding.UTF8.GetBytes(parameters[7].GetString()!);
            IsReady = _authorized;
        }
    }

    private void HandleAnswer(long id, bool ok, ReadOnlySpan<byte> line)
    {
        if (id == 2)
        {
            _authorized = ok;
            IsReady = _jobIdUtf8.Length > 0 && _authorized;
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
            return;
        }

        Interlocked.Increment(ref _results.Rejected);
        using var document = JsonDocument.Parse(line.ToArray());
        _results.NoteRejection(document.RootElement.TryGetProperty("error", out var error) ? error.ToString() : "no error given");
    }
}
