using System.Globalization;
using System.Text.Json;

namespace Pool.Stratum.Protocol;

public static partial class StratumRequestParser
{
    private static void ReadConfigure(ref Utf8JsonReader reader, StratumRequest request)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            request.Problem = "mining.configure needs a list of extensions and an object of parameters";
            return;
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                request.Extensions.Add(reader.GetString()!);
            }
            else
            {
                reader.Skip();
            }
        }

        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case StratumMethodNames.VersionRollingMask when reader.TokenType == JsonTokenType.String:
                    if (uint.TryParse(reader.GetString(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var mask))
                    {
                        request.MinerVersionMask = mask;
                    }
                    else
                    {
                        request.Problem = "version-rolling.mask must be 8 hex digits";
                    }

                    break;
                case StratumMethodNames.VersionRollingMinBitCount when reader.TokenType == JsonTokenType.Number:
                    request.MinBitCount = reader.TryGetInt32(out var bits) ? bits : null;
                    break;
                case StratumMethodNames.MinimumDifficultyValue:
                    if (TryReadNumber(ref reader, out var difficulty) && double.IsFinite(difficulty) && difficulty > 0)
                    {
                        request.MinimumDifficulty = difficulty;
                    }

                    break;
                default:
                    break;
            }

            reader.Skip();
        }
    }
}
