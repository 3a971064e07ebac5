using System.IO.Pipelines;
using System.Net.Sockets;

namespace Pool.Stratum.Server;

/// <summary>
/// Moves bytes between a socket stream (plain or TLS) and two pipes. The pipes' pause thresholds give back-pressure both
/// ways: a miner that sends faster than lines are handled stops being read, and one that does not read stalls its writer.
/// </summary>
internal sealed class StreamTransport : IAsyncDisposable
{
    private const int MinimumReadSize = 512;
    private const int OutputPauseBytes = 64 * 1024;
    private readonly Stream _stream;
    private readonly Pipe _input;
    private readonly Pipe _output;
    private int _disposed;

    public StreamTransport(Stream stream, int maxLineBytes)
    {
        _stream = stream;
        var inputPause = Math.Max(16 * 1024, maxLineBytes * 4L);
        // Inline scheduling lets the receive pump run the read loop and the writer loop run the send pump directly,
        // without a thread-pool hop per message.
        _input = new Pipe(new PipeOptions(readerScheduler: PipeScheduler.Inline, writerScheduler: PipeScheduler.Inline,
            pauseWriterThreshold: inputPause, resumeWriterThreshold: inputPause / 2, useSynchronizationContext: false));
        _output = new Pipe(new PipeOptions(readerScheduler: PipeScheduler.Inline, writerScheduler: PipeScheduler.Inline,
            pauseWriterThreshold: OutputPauseBytes, resumeWriterThreshold: OutputPauseBytes / 2, useSynchronizationContext: false));
    }

    public PipeReader Input => _input.Reader;

    public PipeWriter Output => _output.Writer;

    /// <summary>Pumps until the peer closes or the output is complete and sent; then the stream is closed.</summary>
    public async Task RunAsync()
    {
        var receive = ReceiveAsync();
        await SendAsync().ConfigureAwait(false);
        await DisposeAsync().ConfigureAwait(false);
        await receive.ConfigureAwait(false);
    }

    /// <summary>Cuts the connection now, without waiting for queued output.</summary>
    public void Abort()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _stream.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        Abort();
        return ValueTask.CompletedTask;
    }

    private async Task ReceiveAsync()
    {
        var writer = _input.Writer;
        try
        {
            while (true)
            {
                var memory = writer.GetMemory(MinimumReadSize);
                var read = await _stream.ReadAsync(memory).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                writer.Advance(read);
                var flushed = await writer.FlushAsync().ConfigureAwait(false);
                if (flushed.IsCompleted)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException
                                  or System.Security.Authentication.AuthenticationException or InvalidOperationException)
        {
            // The peer went away or the connection was cut: the reader sees the end of input.
        }

        await writer.CompleteAsync().ConfigureAwait(false);
    }

    private async Task SendAsync()
    {
        var reader = _output.Reader;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync().ConfigureAwait(false);
                var buffer = result.Buffer;
                foreach (var segment in buffer)
                {
                    await _stream.WriteAsync(segment).ConfigureAwait(false);
                }

                if (!buffer.IsEmpty)
                {
                    await _stream.FlushAsync().ConfigureAwait(false);
                }

                reader.AdvanceTo(buffer.End);
                if (result.IsCompleted || result.IsCanceled)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException
                                  or InvalidOperationException)
        {
            // The peer went away; nothing more can be sent.
        }

        await reader.CompleteAsync().ConfigureAwait(false);
    }
}
