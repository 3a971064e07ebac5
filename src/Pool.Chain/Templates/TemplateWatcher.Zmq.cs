using Microsoft.Extensions.Logging;
using NetMQ;
using NetMQ.Sockets;

namespace Pool.Chain.Templates;

public sealed partial class TemplateWatcher
{
    private const string HashBlockTopic = "hashblock";
    private static readonly TimeSpan ZmqReceiveTimeout = TimeSpan.FromMilliseconds(250);

    // NetMQ sockets are used from one thread: this loop owns its socket from start to end.
    private void ZmqLoop(CancellationToken token)
    {
        try
        {
            using var socket = new SubscriberSocket();
            socket.Options.ReceiveHighWatermark = 100;
            socket.Connect(_settings.ZmqHashBlockEndpoint!);
            socket.Subscribe(HashBlockTopic);
            _logger.LogInformation("listening for ZMQ hashblock on {Endpoint}", _settings.ZmqHashBlockEndpoint);
            var message = new NetMQMessage();
            while (!token.IsCancellationRequested)
            {
                if (!socket.TryReceiveMultipartMessage(ZmqReceiveTimeout, ref message))
                {
                    continue;
                }

                if (message.FrameCount < 2 || message[0].ConvertToString() != HashBlockTopic || message[1].BufferSize != 32)
                {
                    _logger.LogWarning("ignoring a ZMQ message that is not a hashblock notice ({Frames} frames)", message.FrameCount);
                    continue;
                }

                _logger.LogDebug("ZMQ hashblock {Hash}", Convert.ToHexStringLower(message[1].ToByteArray()));
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
        }
        catch (Exception e) when (e is NetMQException or ArgumentException)
        {
            _logger.LogError(e, "ZMQ hashblock subscription on {Endpoint} failed; longpoll and polling continue", _settings.ZmqHashBlockEndpoint);
        }
    }
}
