using System.Buffers;
using System.Text.Json;

namespace Pool.Stratum.Protocol;

/// <summary>
/// Encodes answers and notifications with <see cref="Utf8JsonWriter"/> into pooled buffers. Each message is composed
/// synchronously, so one writer per thread serves every connection.
/// </summary>
public static partial class StratumMessages
{
    [ThreadStatic]
    private static EncoderState? _threadState;

    /// <summary>A true/false result.</summary>
    public static OutboundMessage Result(StratumRequest request, bool value)
    {
        var json = BeginAnswer(request);
        json.WriteBoolean("result"u8, value);
        json.WriteNull("error"u8);
        return Finish();
    }

    /// <summary>An error answer: <c>[code, message, null]</c> as Stratum V1 miners expect.</summary>
    public static OutboundMessage Error(StratumRequest request, StratumErrorCode code, string message) =>
        Error(request.IdKind, request.Id, code, message);

    /// <summary>An error answer for a request whose id is known only as raw parts (or not at all).</summary>
    public static OutboundMessage Error(RequestIdKind idKind, ReadOnlySpan<byte> id, StratumErrorCode code, string message)
    {
        var json = Begin();
        json.WriteStartObject();
        WriteId(json, idKind, id);
        json.WriteNull("result"u8);
        json.WriteStartArray("error"u8);
        json.WriteNumberValue((int)code);
        json.WriteStringValue(message);
        json.WriteNullValue();
        json.WriteEndArray();
        return Finish();
    }

    /// <summary>The answer to mining.subscribe: subscriptions, extranonce1 and extranonce2 size.</summary>
    public static OutboundMessage SubscribeResult(StratumRequest request, string subscriptionId, string extranonce1Hex, int extranonce2Size)
    {
        var json = BeginAnswer(request);
        json.WriteStartArray("result"u8);
        json.WriteStartArray();
        json.WriteStartArray();
        json.WriteStringValue(StratumMethodNames.SetDifficulty);
        json.WriteStringValue(subscriptionId);
        json.WriteEndArray();
        json.WriteStartArray();
        json.WriteStringValue(StratumMethodNames.Notify);
        json.WriteStringValue(subscriptionId);
        json.WriteEndArray();
        json.WriteEndArray();
        json.WriteStringValue(extranonce1Hex);
        json.WriteNumberValue(extranonce2Size);
        json.WriteEndArray();
        json.WriteNull("error"u8);
        return Finish();
    }

    /// <summary>The answer to mining.configure, one entry per extension the miner asked for.</summary>
    public static OutboundMessage ConfigureResult(StratumRequest request, uint? versionMask, bool minimumDifficulty, bool subscribeExtranonce)
    {
        var json = BeginAnswer(request);
        json.WriteStartObject("result"u8);
        if (versionMask is { } mask)
        {
            // A mask with no bits in common means no version rolling at all.
            json.WriteBoolean(StratumMethodNames.VersionRolling, mask != 0);
            if (mask != 0)
            {
                json.WriteString(StratumMethodNames.VersionRollingMask, mask.ToString("x8", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        if (minimumDifficulty)
        {
            json.WriteBoolean(StratumMethodNames.MinimumDifficulty, true);
        }

        if (subscribeExtranonce)
        {
            json.WriteBoolean(StratumMethodNames.SubscribeExtranonce, true);
        }

        json.WriteEndObject();
        json.WriteNull("error"u8);
        return Finish();
    }

    private static Utf8JsonWriter BeginAnswer(StratumRequest request)
    {
        var json = Begin();
        json.WriteStartObject();
        WriteId(json, request.IdKind, request.Id);
        return json;
    }

    private static Utf8JsonWriter BeginNotification(string method)
    {
        var json = Begin();
        json.WriteStartObject();
        json.WriteNull("id"u8);
        json.WriteString("method"u8, method);
        json.WriteStartArray("params"u8);
        return json;
    }

    private static OutboundMessage FinishNotification(Utf8JsonWriter json)
    {
        json.WriteEndArray();
        return Finish();
    }

    private static void WriteId(Utf8JsonWriter json, RequestIdKind kind, ReadOnlySpan<byte> id)
    {
        json.WritePropertyName("id"u8);
        switch (kind)
        {
            case RequestIdKind.Number:
                json.WriteRawValue(id, skipInputValidation: true);
                break;
            case RequestIdKind.String:
                json.WriteStringValue(id);
                break;
            default:
                json.WriteNullValue();
                break;
        }
    }

    private static Utf8JsonWriter Begin()
    {
        var state = _threadState ??= new EncoderState();
        state.Buffer.ResetWrittenCount();
        state.Json.Reset(state.Buffer);
        return state.Json;
    }

    private static OutboundMessage Finish()
    {
        var state = _threadState!;
        state.Json.WriteEndObject();
        state.Json.Flush();
        var written = state.Buffer.WrittenSpan;
        var buffer = ArrayPool<byte>.Shared.Rent(written.Length + 1);
        written.CopyTo(buffer);
        buffer[written.Length] = (byte)'\n';
        return new OutboundMessage(buffer, written.Length + 1, Pooled: true);
    }

    private sealed class EncoderState
    {
        public ArrayBufferWriter<byte> Buffer { get; } = new(1024);

        public Utf8JsonWriter Json { get; }

        public EncoderState() => Json = new Utf8JsonWriter(Buffer, new JsonWriterOptions { SkipValidation = true });
    }
}
