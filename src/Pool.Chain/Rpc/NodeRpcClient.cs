using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace Pool.Chain.Rpc;

/// <summary>JSON-RPC client of a Bitcoin-family node over HTTP, with typed errors and retries with back-off for a node that went away.</summary>
public sealed partial class NodeRpcClient : IDisposable
{
    private const int MaxErrorExcerpt = 120;
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");

    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly NodeCredentials _credentials;
    private readonly TimeSpan _timeout;
    private readonly RetryBackoff _retry;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private long _nextId;

    /// <summary>Creates a client; <paramref name="handler"/> is owned by the client when given.</summary>
    public NodeRpcClient(Uri endpoint, NodeCredentials credentials, TimeSpan timeout, RetryBackoff retry, TimeProvider time, ILogger logger, HttpMessageHandler? handler = null)
    {
        _endpoint = endpoint;
        _credentials = credentials;
        _timeout = timeout;
        _retry = retry;
        _time = time;
        _logger = logger;
        handler ??= new SocketsHttpHandler { ConnectTimeout = timeout, PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30) };

        // Each call gets its own deadline (a longpoll waits minutes, a submitblock seconds).
        _http = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>The node's RPC URL.</summary>
    public Uri Endpoint => _endpoint;

    /// <summary>Call, error and latency totals per method.</summary>
    public NodeRpcCounters Counters { get; } = new();

    /// <summary>Calls <paramref name="method"/>, retrying transient failures with back-off; returns the "result" element.</summary>
    public async Task<JsonElement> CallAsync(string method, JsonArray? parameters = null, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await CallOnceAsync(method, parameters, _timeout, cancellationToken).ConfigureAwait(false);
            }
            catch (NodeRpcException e) when (e.IsTransient && attempt < _retry.Attempts)
            {
                var delay = _retry.DelayAfter(attempt);
                _logger.LogWarning("node call {Method} failed ({Failure}: {Message}); attempt {Attempt} of {Attempts}, retrying in {Delay} ms",
                    method, e.Failure, e.Message, attempt, _retry.Attempts, (int)delay.TotalMilliseconds);
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>One attempt of <paramref name="method"/> with its own <paramref name="timeout"/>; no retries.</summary>
    public async Task<JsonElement> CallOnceAsync(string method, JsonArray? parameters, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var failed = true;
        try
        {
            var result = await SendOnceAsync(method, parameters, timeout, cancellationToken).ConfigureAwait(false);
            failed = false;
            return result;
        }
        finally
        {
            Counters.For(method).Completed(System.Diagnostics.Stopwatch.GetTimestamp() - started, failed);
        }
    }

    private async Task<JsonElement> SendOnceAsync(string method, JsonArray? parameters, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint);
        request.Headers.Authorization = _credentials.GetHeader();
        request.Content = new ByteArrayContent(WriteRequest(method, parameters));
        request.Content.Headers.ContentType = JsonContentType;

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        HttpStatusCode status;
        byte[] body;
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, deadline.Token).ConfigureAwait(false);
            status = response.StatusCode;
            body = await response.Content.ReadAsByteArrayAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new NodeRpcException(NodeRpcFailure.Timeout, method, $"no answer from {_endpoint} within {timeout.TotalSeconds:0.#} s", null, e);
        }
        catch (HttpRequestException e)
        {
            throw new NodeRpcException(NodeRpcFailure.Unreachable, method, $"cannot reach the node at {_endpoint}: {Describe(e)}", null, e);
        }

        return ReadResponse(method, status, body);
    }

    public void Dispose() => _http.Dispose();

    private byte[] WriteRequest(string method, JsonArray? parameters)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc"u8, "1.0"u8);
            writer.WriteNumber("id"u8, Interlocked.Increment(ref _nextId));
            writer.WriteString("method"u8, method);
            writer.WritePropertyName("params"u8);
            if (parameters is null)
            {
                writer.WriteStartArray();
                writer.WriteEndArray();
            }
            else
            {
                parameters.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static JsonElement ReadResponse(string method, HttpStatusCode status, byte[] body)
    {
        if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new NodeRpcException(NodeRpcFailure.Unauthorized, method,
                $"the node refused the credentials (HTTP {(int)status}); check the RPC user and password or the cookie file");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            var failure = (int)status >= 400 ? NodeRpcFailure.HttpError : NodeRpcFailure.MalformedResponse;
            throw new NodeRpcException(failure, method, $"the node's answer is not JSON (HTTP {(int)status}): {Excerpt(body)}", null, e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new NodeRpcException(NodeRpcFailure.MalformedResponse, method, $"the node's answer is not a JSON-RPC object: {Excerpt(body)}");
            }

            if (root.TryGetProperty("error"u8, out var error) && error.ValueKind != JsonValueKind.Null)
            {
                throw ErrorFrom(method, error, body);
            }

            if (!root.TryGetProperty("result"u8, out var result))
            {
                throw new NodeRpcException(NodeRpcFailure.MalformedResponse, method, $"the node's answer has neither result nor error: {Excerpt(body)}");
            }

            return result.Clone();
        }
    }

    private static NodeRpcException ErrorFrom(string method, JsonElement error, byte[] body)
    {
        if (error.ValueKind != JsonValueKind.Object
            || !error.TryGetProperty("code"u8, out var codeElement)
            || !codeElement.TryGetInt32(out var code))
        {
            return new NodeRpcException(NodeRpcFailure.MalformedResponse, method, $"the node's error has no numeric code: {Excerpt(body)}");
        }

        var message = error.TryGetProperty("message"u8, out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : string.Empty;
        var failure = code switch
        {
            RpcErrorCodes.InWarmup => NodeRpcFailure.WarmingUp,
            RpcErrorCodes.ClientInInitialDownload => NodeRpcFailure.InitialBlockDownload,
            RpcErrorCodes.ClientNotConnected => NodeRpcFailure.NotConnected,
            RpcErrorCodes.InvalidParameter when message.Contains("rule", StringComparison.OrdinalIgnoreCase) => NodeRpcFailure.RulesRejected,
            _ => NodeRpcFailure.RpcError,
        };
        var explanation = failure switch
        {
            NodeRpcFailure.WarmingUp => "the node is still starting",
            NodeRpcFailure.InitialBlockDownload => "the node is in initial block download",
            NodeRpcFailure.NotConnected => "the node has no peers",
            NodeRpcFailure.RulesRejected => "the node rejected the template rules",
            _ => "the node answered with an error",
        };
        return new NodeRpcException(failure, method, $"{explanation} (RPC {code}: {message})", code);
    }

    private static string Describe(HttpRequestException e) =>
        e.InnerException is SocketException socket ? socket.SocketErrorCode.ToString() : e.Message;

    private static string Excerpt(byte[] body)
    {
        var text = System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, MaxErrorExcerpt));
        return body.Length > MaxErrorExcerpt ? text + "…" : text;
    }
}
