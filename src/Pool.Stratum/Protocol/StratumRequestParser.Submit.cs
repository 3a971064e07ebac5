using System.Text.Json;

namespace Pool.Stratum.Protocol;

public static partial class StratumRequestParser
{
    private const string SubmitArity = "mining.submit needs worker, job id, extranonce2, ntime and nonce";
    private const string SubmitStrings = "mining.submit parameters must be strings";
    private const string FieldTooLong = "mining.submit worker or job id is too long";
    private const string MalformedTime = "malformed ntime: expected up to 8 hex digits";
    private const string MalformedNonce = "malformed nonce: expected up to 8 hex digits";
    private const string MalformedVersion = "malformed version bits: expected up to 8 hex digits";

    private static void ReadSubmit(ref Utf8JsonReader reader, int extranonce2Size, StratumRequest request)
    {
        var index = 0;
        Span<byte> text = stackalloc byte[StratumRequest.MaxFieldBytes];
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (index == 5 && reader.TokenType == JsonTokenType.Null)
            {
                index++;
                continue;
            }

            if (reader.TokenType != JsonTokenType.String)
            {
                request.Problem ??= SubmitStrings;
                reader.Skip();
                index++;
                continue;
            }

            if (reader.ValueSpan.Length > StratumRequest.MaxFieldBytes)
            {
                request.Problem ??= FieldTooLong;
                index++;
                continue;
            }

            var length = reader.CopyString(text);
            if (request.Problem is null)
            {
                ReadSubmitField(index, text[..length], extranonce2Size, request);
            }

            index++;
        }

        if (index < 5)
        {
            request.Problem ??= SubmitArity;
        }
    }

    private static void ReadSubmitField(int index, ReadOnlySpan<byte> value, int extranonce2Size, StratumRequest request)
    {
        switch (index)
        {
            case 0:
                value.CopyTo(request.WorkerBuffer);
                request.WorkerLength = value.Length;
                break;
            case 1:
                value.CopyTo(request.JobIdBuffer);
                request.JobIdLength = value.Length;
                break;
            case 2:
                if (!HexText.TryDecode(value, request.Extranonce2Buffer[..extranonce2Size]))
                {
                    request.Problem = $"malformed extranonce2: expected {extranonce2Size * 2} hex digits ({extranonce2Size} bytes)";
                    return;
                }

                request.Extranonce2Length = extranonce2Size;
                break;
            case 3:
                request.Time = HexText.TryParseUInt32(value, out var time) ? time : Fail(request, MalformedTime);
                break;
            case 4:
                request.Nonce = HexText.TryParseUInt32(value, out var nonce) ? nonce : Fail(request, MalformedNonce);
                break;
            case 5:
                request.VersionBits = HexText.TryParseUInt32(value, out var bits) ? bits : Fail(request, MalformedVersion);
                request.HasVersionBits = true;
                break;
            default:
                break;
        }
    }

    private static uint Fail(StratumRequest request, string problem)
    {
        request.Problem = problem;
        return 0;
    }
}
