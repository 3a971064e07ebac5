using System.Buffers;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Pool.Stratum.Protocol;

namespace Pool.Stratum.Server;

internal sealed partial class StratumConnection
{
    /// <summary>Queues an answer, waiting while the queue is full (the miner's own requests slow down with it).</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask SendAsync(OutboundMessage message)
    {
        try
        {
            await _outbound.Writer.WriteAsync(message).ConfigureAwait(false);
        }
        catch (System.Threading.Channels.ChannelClosedException)
        {
            message.Release();
        }
    }

    /// <summary>Queues a notification without waiting; a miner whose queue is full is too far behind and is disconnected.</summary>
    private bool TrySend(OutboundMessage message)
    {
        if (_outbound.Writer.TryWrite(message))
        {
            return true;
        }

        message.Release();
        if (Volatile.Read(ref _closeRequested) == 0)
        {
            _services.Logger.LogWarning("Connection {Id} from {Address} is not reading; disconnecting", Id, RemoteAddress);
            RecordCloseReason(ConnectionCloseReason.SlowReader);
            Abort();
        }

        return false;
    }

    private async Task WriteLoopAsync()
    {
        var reader = _outbound.Reader;
        var output = _transport.Output;
        try
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (reader.TryRead(out var message))
                {
                    output.Write(message.Span);
                    message.Release();
                }

                var flushed = await output.FlushAsync().ConfigureAwait(false);
                if (flushed.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or OperationCanceledException)
        {
            _services.Logger.LogDebug(e, "Connection {Id}: output closed", Id);
        }
        finally
        {
            while (reader.TryRead(out var message))
            {
                message.Release();
            }

            await output.CompleteAsync().ConfigureAwait(false);
        }
    }
}
