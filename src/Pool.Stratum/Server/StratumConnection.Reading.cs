using System.Buffers;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Pool.Stratum.Protocol;

namespace Pool.Stratum.Server;

internal sealed partial class StratumConnection
{
    private const int MaxSubmitBatch = 16;
    private const int StackLineLimit = 4096;
    private readonly List<StratumRequest> _requests = [];
    private int _pendingSubmits;

    private async Task ReadLoopAsync()
    {
        var input = _transport.Input;
        var maxLine = _services.Options.MaxLineBytes;
        while (true)
        {
            var result = await input.ReadAsync().ConfigureAwait(false);
            if (result.IsCanceled)
            {
                return;
            }

            var buffer = result.Buffer;
            var closing = false;
            while (!closing)
            {
                var frame = StratumFramer.TryParseMessage(buffer, maxLine, out var line, out var consumed, out _);
                if (frame == StratumFrameResult.Incomplete)
                {
                    break;
                }

                if (frame == StratumFrameResult.TooLong)
                {
                    _services.Logger.LogInformation("Connection {Id} from {Address} sent a line over {Max} bytes; closing", Id, RemoteAddress, maxLine);
                    RecordCloseReason(ConnectionCloseReason.LineTooLong);
                    closing = true;
                    break;
                }

                buffer = buffer.Slice(consumed);
                if (!line.IsEmpty)
                {
                    closing = await HandleLineAsync(line).ConfigureAwait(false);
                }
            }

            closing |= await FlushSubmitsAsync().ConfigureAwait(false);
            await ReleaseOutputAsync().ConfigureAwait(false);
            input.AdvanceTo(buffer.Start, buffer.End);
            if (closing || result.IsCompleted || Volatile.Read(ref _closeRequested) != 0)
            {
                return;
            }
        }
    }

    /// <summary>Parses one line; submits are batched, anything else first answers the batch so answers keep request order.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> HandleLineAsync(ReadOnlySequence<byte> line)
    {
        var request = NextRequest();
        var parsed = Parse(line, request);
        if (parsed && request.Method == StratumMethod.Submit)
        {
            _pendingSubmits++;
            return _pendingSubmits >= MaxSubmitBatch && await FlushSubmitsAsync().ConfigureAwait(false);
        }

        // The batch holds the requests before this one; this one sits after them and is not touched by the flush.
        var closing = await FlushSubmitsAsync().ConfigureAwait(false);
        if (!parsed)
        {
            await SendAsync(StratumMessages.Error(request, StratumErrorCode.Other, request.Problem ?? "invalid request")).ConfigureAwait(false);
            return closing;
        }

        await HandleRequestAsync(request).ConfigureAwait(false);
        return closing;
    }

    private bool Parse(ReadOnlySequence<byte> line, StratumRequest request)
    {
        var size = _services.Options.Extranonce2Size;
        if (line.IsSingleSegment)
        {
            return StratumRequestParser.TryParse(line.FirstSpan, size, request);
        }

        var length = (int)line.Length;
        if (length <= StackLineLimit)
        {
            Span<byte> copy = stackalloc byte[length];
            line.CopyTo(copy);
            return StratumRequestParser.TryParse(copy, size, request);
        }

        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            line.CopyTo(rented);
            return StratumRequestParser.TryParse(rented.AsSpan(0, length), size, request);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private StratumRequest NextRequest()
    {
        if (_requests.Count <= _pendingSubmits)
        {
            _requests.Add(new StratumRequest());
        }

        return _requests[_pendingSubmits];
    }

    private ValueTask HandleRequestAsync(StratumRequest request) => request.Method switch
    {
        StratumMethod.Subscribe => SubscribeAsync(request),
        StratumMethod.Authorize => AuthorizeAsync(request),
        StratumMethod.Configure => ConfigureAsync(request),
        StratumMethod.ExtranonceSubscribe => ExtranonceSubscribeAsync(request),
        StratumMethod.SuggestDifficulty => SuggestDifficultyAsync(request),
        _ => SendAsync(StratumMessages.Error(request, StratumErrorCode.Other, "unknown method")),
    };
}
