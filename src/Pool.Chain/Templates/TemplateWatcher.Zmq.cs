using System.Buffers.Binary;
using Microsoft.Extensions.Logging;
using NetMQ;
using NetMQ.Sockets;

namespace Pool.Chain.Templates;

public sealed partial class TemplateWatcher
{
    // Bitcoin Core's hashblock notice: | "hashblock" | 32-byte block hash | uint32 sequence, little-endian |.
    private const string HashBlockTopic = "hashblock";
    private const int HashBlockFrameCount = 3;
    private const int BlockHashSize = 32;
    private const int SequenceSize = sizeof(uint);
    private const int ZmqReceiveHighWatermark = 100;

    // No hashblock part comes near this; a peer sending more is dropped (and reconnected) instead of being buffered.
    private const long ZmqMaxFrameSize = 4096;
    private static readonly TimeSpan ZmqReceiveTimeout = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan ZmqReconnectInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan ZmqReconnectIntervalMax = TimeSpan.FromSeconds(2);

    // NetMQ sockets are used from one thread: this loop owns its socket from start to end. ZMQ itself reconnects a
    // subscriber whose publisher went away; a socket that fails outright is replaced after a back-off.
    private void ZmqLoop(CancellationToken token)
    {
        var failures = 0;
        while (!token.IsCancellationRequested)
        {
            try
            {
                ReceiveHashBlocks(token);
            }
            catch (Exception e) when (e is not OperationCanceledException || !token.IsCancellationRequested)
            {
                failures++;
                var delay = _settings.Backoff.DelayAfter(failures);
                _logger.LogError(e, "ZMQ hashblock subscription on {Endpoint} failed; reopening it in {Delay} ms (failure {Failures}); longpoll and polling continue",
                    _settings.ZmqHashBlockEndpoint, (int)delay.TotalMilliseconds, failures);
                token.WaitHandle.WaitOne(delay);
            }
        }
    }

    private void ReceiveHashBlocks(CancellationToken token)
    {
        var endpoint = _settings.ZmqHashBlockEndpoint!;
        using var socket = new SubscriberSocket();
        socket.Options.ReceiveHighWatermark = ZmqReceiveHighWatermark;
        socket.Options.MaxMsgSize = ZmqMaxFrameSize;
        socket.Options.TcpKeepalive = true;
        socket.Options.ReconnectInterval = ZmqReconnectInterval;
        socket.Options.ReconnectIntervalMax = ZmqReconnectIntervalMax;
        socket.Options.Linger = TimeSpan.Zero;
        socket.Connect(endpoint);
        socket.Subscribe(HashBlockTopic);
        _logger.LogInformation("listening for ZMQ hashblock on {Endpoint}", endpoint);
        uint? lastSequence = null;
        var message = new NetMQMessage();
        while (!token.IsCancellationRequested)
        {
            if (!socket.TryReceiveMultipartMessage(ZmqReceiveTimeout, ref message))
            {
                continue;
            }

            if (!TryReadHashBlock(message, out var hash, out var sequence, out var problem))
            {
                _logger.LogWarning("ignoring a ZMQ message on {Endpoint} that is not a hashblock notice: {Problem}", endpoint, problem);
                continue;
            }

            if (lastSequence is { } last && sequence != unchecked(last + 1))
            {
                // Polling covers what was missed; the refresh below fetches the newest template either way.
                _logger.LogInformation("ZMQ hashblock sequence {Sequence} follows {Previous}: notices were lost or the node restarted", sequence, last);
            }

            lastSequence = sequence;
            OnHashBlock(hash, sequence, token);
        }
    }

    private void OnHashBlock(string hash, uint sequence, CancellationToken token)
    {
        if (string.Equals(_jobs.CurrentTemplate?.PreviousBlockHash, hash, StringComparison.Ordinal))
        {
            _logger.LogDebug("ZMQ hashblock {Hash} (sequence {Sequence}) is already the current job's parent", hash, sequence);
            return;
        }

        _logger.LogDebug("ZMQ hashblock {Hash} (sequence {Sequence}); fetching a template", hash, sequence);
        try
        {
            RefreshAsync(token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e)
        {
            // The poll and longpoll loops retry; a failed refresh here only loses a head start.
            LogFailure(e, "ZMQ refresh", 1, TimeSpan.Zero);
        }
    }

    private static bool TryReadHashBlock(NetMQMessage message, out string hash, out uint sequence, out string problem)
    {
        hash = string.Empty;
        sequence = 0;
        if (message.FrameCount != HashBlockFrameCount)
        {
            problem = $"{message.FrameCount} parts where a hashblock notice has {HashBlockFrameCount} (topic, block hash, sequence)";
            return false;
        }

        var topic = message[0].ConvertToString();
        if (!string.Equals(topic, HashBlockTopic, StringComparison.Ordinal))
        {
            problem = $"topic '{Printable(topic)}' is not '{HashBlockTopic}'";
            return false;
        }

        if (message[1].BufferSize != BlockHashSize)
        {
            problem = $"block hash of {message[1].BufferSize} bytes, not {BlockHashSize}";
            return false;
        }

        if (message[2].BufferSize != SequenceSize)
        {
            problem = $"sequence number of {message[2].BufferSize} bytes, not {SequenceSize}";
            return false;
        }

        // The node sends the hash in the byte order RPC displays it, so its hex is the RPC block hash.
        hash = Convert.ToHexStringLower(message[1].AsSpan());
        sequence = BinaryPrimitives.ReadUInt32LittleEndian(message[2].AsSpan());
        problem = string.Empty;
        return true;
    }

    // A topic comes from the network: keep control characters and length out of the log.
    private static string Printable(string topic)
    {
        const int maxLength = 40;
        var shown = topic.Length > maxLength ? topic[..maxLength] : topic;
        var chars = shown.Select(c => char.IsControl(c) ? '?' : c).ToArray();
        return topic.Length > maxLength ? new string(chars) + "…" : new string(chars);
    }
}
