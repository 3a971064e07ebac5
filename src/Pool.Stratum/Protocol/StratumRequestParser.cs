using System.Buffers.Text;
using System.Text.Json;

namespace Pool.Stratum.Protocol;

/// <summary>Parses one request line with <see cref="Utf8JsonReader"/> into a reusable <see cref="StratumRequest"/>.</summary>
public static partial class StratumRequestParser
{
    private const int MaxDepth = 8;

    /// <summary>
    /// Parses <paramref name="line"/>; false when it is not a JSON-RPC request at all (its <see cref="StratumRequest.Problem"/>
    /// says why). A request with a well-formed envelope but bad parameters returns true with <see cref="StratumRequest.Problem"/> set.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> line, int extranonce2Size, StratumRequest request)
    {
        request.Reset();
        try
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = MaxDepth });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                request.Problem = "invalid request: expected a JSON object";
                return false;
            }

            var paramsReader = default(Utf8JsonReader);
            var hasParams = false;
            var hasMethod = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("id"u8))
                {
                    reader.Read();
                    ReadId(ref reader, request);
                }
                else if (reader.ValueTextEquals("method"u8))
                {
                    reader.Read();
                    hasMethod = reader.TokenType == JsonTokenType.String;
                    request.Method = hasMethod ? ParseMethod(ref reader) : StratumMethod.Unknown;
                    reader.Skip();
                }
                else if (reader.ValueTextEquals("params"u8))
                {
                    reader.Read();
                    paramsReader = reader;
                    hasParams = reader.TokenType == JsonTokenType.StartArray;
                    reader.Skip();
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            // Reading on to the end makes the reader reject anything after the object.
            while (reader.Read())
            {
            }

            if (!hasMethod)
            {
                request.Problem = "invalid request: no method";
                return false;
            }

            if (hasParams && request.Problem is null)
            {
                ReadParams(ref paramsReader, extranonce2Size, request);
            }
            else if (!hasParams && request.Method == StratumMethod.Submit)
            {
                request.Problem = SubmitArity;
            }

            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string with invalid UTF-8 or surrogates.
            request.Problem = "invalid JSON";
            return false;
        }
    }

    private static StratumMethod ParseMethod(ref Utf8JsonReader reader)
    {
        if (reader.ValueSpan.Length > 64)
        {
            return StratumMethod.Unknown;
        }

        Span<byte> name = stackalloc byte[64];
        var length = reader.CopyString(name);
        return StratumMethodNames.Parse(name[..length]);
    }

    private static void ReadId(ref Utf8JsonReader reader, StratumRequest request)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                request.IdKind = RequestIdKind.Null;
                break;
            case JsonTokenType.Number when reader.ValueSpan.Length <= StratumRequest.MaxFieldBytes:
                reader.ValueSpan.CopyTo(request.IdBuffer);
                request.IdLength = reader.ValueSpan.Length;
                request.IdKind = RequestIdKind.Number;
                break;
            case JsonTokenType.String when reader.ValueSpan.Length <= StratumRequest.MaxFieldBytes:
                request.IdLength = reader.CopyString(request.IdBuffer);
                request.IdKind = RequestIdKind.String;
                break;
            default:
                request.Problem = "invalid request: id must be a short number, string or null";
                reader.Skip();
                break;
        }
    }

    private static void ReadParams(ref Utf8JsonReader reader, int extranonce2Size, StratumRequest request)
    {
        switch (request.Method)
        {
            case StratumMethod.Submit:
                ReadSubmit(ref reader, extranonce2Size, request);
                break;
            case StratumMethod.Subscribe:
            case StratumMethod.Authorize:
                ReadTexts(ref reader, request);
                break;
            case StratumMethod.Configure:
                ReadConfigure(ref reader, request);
                break;
            case StratumMethod.SuggestDifficulty:
                ReadSuggestedDifficulty(ref reader, request);
                break;
            default:
                break;
        }
    }

    private static void ReadTexts(ref Utf8JsonReader reader, StratumRequest request)
    {
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            string? text = reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString(),
                JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
                _ => null,
            };
            reader.Skip();
            if (index == 0)
            {
                request.Text0 = text;
            }
            else if (index == 1)
            {
                request.Text1 = text;
            }

            index++;
        }
    }

    private static void ReadSuggestedDifficulty(ref Utf8JsonReader reader, StratumRequest request)
    {
        if (!reader.Read() || reader.TokenType == JsonTokenType.EndArray)
        {
            request.Problem = "mining.suggest_difficulty needs a difficulty";
            return;
        }

        if (!TryReadNumber(ref reader, out var value) || !double.IsFinite(value) || value <= 0)
        {
            request.Problem = "mining.suggest_difficulty needs a positive number";
            return;
        }

        request.Number = value;
    }

    private static bool TryReadNumber(ref Utf8JsonReader reader, out double value)
    {
        value = 0;
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.TryGetDouble(out value);
        }

        return reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped
            && Utf8Parser.TryParse(reader.ValueSpan, out value, out var consumed) && consumed == reader.ValueSpan.Length;
    }
}
