using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Pool.Testing;

/// <summary>A line-based Stratum client for tests: sends requests, matches answers by id and keeps every notification.</summary>
public sealed class StratumTestClient : IAsyncDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);
    private readonly Stream _stream;
    private readonly TcpClient? _tcp;
    private readonly List<JsonElement> _notifications = [];
    private readonly Dictionary<string, JsonElement> _responses = [];
    private readonly List<JsonElement> _nullIdResponses = [];
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _reader;
    private readonly object _lock = new();
    private int _nextId;

    private StratumTestClient(Stream stream, TcpClient? tcp)
    {
        _stream = stream;
        _tcp = tcp;
        _reader = ReadLoopAsync();
    }

    public static async Task<StratumTestClient> ConnectAsync(int port)
    {
        var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync("127.0.0.1", port);
        return new StratumTestClient(tcp.GetStream(), tcp);
    }

    public static StratumTestClient Over(Stream stream) => new(stream, null);

    public Task Closed => _closed.Task;

    public IReadOnlyList<JsonElement> Notifications
    {
        get
        {
            lock (_lock)
            {
                return _notifications.ToList();
            }
        }
    }

    public async Task<JsonElement> CallAsync(string method, string paramsJson = "[]")
    {
        var id = Interlocked.Increment(ref _nextId);
        await SendLineAsync($"{{\"id\":{id},\"method\":\"{method}\",\"params\":{paramsJson}}}");
        return await ResponseAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public Task SendLineAsync(string line) => SendRawAsync(Encoding.UTF8.GetBytes(line + "\n"));

    public async Task SendRawAsync(byte[] bytes)
    {
        await _stream.WriteAsync(bytes);
        await _stream.FlushAsync();
    }

    public async Task<JsonElement> ResponseAsync(string idText)
    {
        var deadline = DateTime.UtcNow + DefaultTimeout;
        while (DateTime.UtcNow < deadline)
        {
            lock (_lock)
            {
                if (_responses.Remove(idText, out var response))
                {
                    return response;
                }
            }

            if (_closed.Task.IsCompleted)
            {
                throw new IOException($"connection closed before the answer to {idText}");
            }

            await Task.Delay(5);
        }

        throw new TimeoutException($"no answer to request {idText}");
    }

    public async Task<JsonElement> NullIdResponseAsync()
    {
        var deadline = DateTime.UtcNow + DefaultTimeout;
        while (DateTime.UtcNow < deadline)
        {
            lock (_lock)
            {
                if (_nullIdResponses.Count > 0)
                {
                    var first = _nullIdResponses[0];
                    _nullIdResponses.RemoveAt(0);
                    return first;
                }
            }

            await Task.Delay(5);
        }

        throw new TimeoutException("no answer with a null id");
    }

    /// <summary>Waits for the <paramref name="occurrence"/>-th notification of <paramref name="method"/> (1-based).</summary>
    public async Task<JsonElement> NotificationAsync(string method, int occurrence = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (DateTime.UtcNow < deadline)
        {
            var found = Notifications.Where(n => n.GetProperty("method").GetString() == method).Skip(occurrence - 1).FirstOrDefault();
            if (found.ValueKind != JsonValueKind.Undefined)
            {
                return found;
            }

            await Task.Delay(5);
        }

        throw new TimeoutException($"no {method} notification #{occurrence}");
    }

    public int CountNotifications(string method) => Notifications.Count(n => n.GetProperty("method").GetString() == method);

    public async Task<bool> WaitClosedAsync(TimeSpan timeout) => await Task.WhenAny(_closed.Task, Task.Delay(timeout)) == _closed.Task;

    public async ValueTask DisposeAsync()
    {
        _tcp?.Dispose();
        await _stream.DisposeAsync();
        await Task.WhenAny(_reader, Task.Delay(1000));
    }

    private async Task ReadLoopAsync()
    {
        await Task.Yield();
        try
        {
            using var reader = new StreamReader(_stream, Encoding.UTF8, false, 4096, leaveOpen: true);
            while (await reader.ReadLineAsync() is { } line)
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement.Clone();
                lock (_lock)
                {
                    if (root.TryGetProperty("method", out _))
                    {
                        _notifications.Add(root);
                    }
                    else if (root.GetProperty("id").ValueKind == JsonValueKind.Null)
                    {
                        _nullIdResponses.Add(root);
                    }
                    else
                    {
                        _responses[root.GetProperty("id").ToString()] = root;
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException)
        {
        }

        _closed.TrySetResult();
    }
}
