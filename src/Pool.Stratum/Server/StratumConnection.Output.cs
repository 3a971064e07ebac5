using System.Buffers;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Pool.Stratum.Protocol;

namespace Pool.Stratum.Server;

internal sealed partial class StratumConnection
{
    // Answers written straight into the output are flushed at the latest once this much is pending, so a long read batch
    // still hits the output pipe's pause threshold (back-pressure) instead of buffering without bound.
    private const int DirectFlushBytes = 16 * 1024;

    // Held by whoever writes into the output pipe: the read loop while it answers a batch, or the writer loop while it
    // drains queued notifications. Everything written under it keeps queue order, because each holder drains the queue first.
    private readonly SemaphoreSlim _outputLock = new(1, 1);
    private bool _readLoopHoldsOutput;

    /// <summary>
    /// Answers a request. The read loop writes straight into the output; when the writer loop is flushing notifications it
    /// waits for its turn rather than queueing, so answers never take the notification queue's room (a full queue means a
    /// miner that does not read) and a pipelining miner is slowed by back-pressure instead of being cut off.
    /// </summary>
    private ValueTask SendAsync(OutboundMessage message)
    {
        if (_readLoopHoldsOutput || TryTakeOutputForReadLoop())
        {
            return WriteDirect(message);
        }

        return TakeOutputAndWriteAsync(message);
    }

    private ValueTask WriteDirect(OutboundMessage message)
    {
        var output = _transport.Output;
        output.Write(message.Span);
        message.Release();
        return output.UnflushedBytes >= DirectFlushBytes ? FlushDirectAsync() : ValueTask.CompletedTask;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask TakeOutputAndWriteAsync(OutboundMessage message)
    {
        await _outputLock.WaitAsync().ConfigureAwait(false);
        _readLoopHoldsOutput = true;
        WriteQueued();
        await WriteDirect(message).ConfigureAwait(false);
    }

    /// <summary>Takes the output when it is free; what the writer loop had not yet written goes out first.</summary>
    private bool TryTakeOutputForReadLoop()
    {
        if (!_outputLock.Wait(0))
        {
            return false;
        }

        _readLoopHoldsOutput = true;
        WriteQueued();
        return true;
    }

    /// <summary>Ends the read loop's turn on the output: sends what it wrote (plus anything queued meanwhile) and lets the writer loop in.</summary>
    private async ValueTask ReleaseOutputAsync()
    {
        if (!_readLoopHoldsOutput)
        {
            return;
        }

        try
        {
            WriteQueued();
            await _transport.Output.FlushAsync().ConfigureAwait(false);
        }
        finally
        {
            _readLoopHoldsOutput = false;
            _outputLock.Release();
        }
    }

    private async ValueTask FlushDirectAsync()
    {
        WriteQueued();
        await _transport.Output.FlushAsync().ConfigureAwait(false);
    }

    private void WriteQueued()
    {
        var output = _transport.Output;
        while (_outbound.Reader.TryRead(out var message))
        {
            output.Write(message.Span);
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

    /// <summary>Writes queued messages whenever the read loop is not holding the output; flushes once per batch.</summary>
    private async Task WriteLoopAsync()
    {
        var reader = _outbound.Reader;
        var output = _transport.Output;
        try
        {
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                await _outputLock.WaitAsync().ConfigureAwait(false);
                try
                {
                    if (!reader.TryPeek(out _))
                    {
                        // The read loop wrote them out with its own answers.
                        continue;
                    }

                    WriteQueued();
                    var flushed = await output.FlushAsync().ConfigureAwait(false);
                    if (flushed.IsCompleted)
                    {
                        break;
                    }
                }
                finally
                {
                    _outputLock.Release();
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
        }
    }
}
