using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using Pool.Core.Hashing;
using Pool.Core.Pow;
using Pool.Core.Targets;

namespace Pool.Testing;

/// <summary>
/// Finds real shares the way a miner does, from nothing but what the pool sent: mining.notify's hex fields, the
/// extranonce1 from mining.subscribe and the difficulty from mining.set_difficulty.
/// </summary>
public sealed class TestMiner(PowAlgorithm pow, string extranonce1Hex, int extranonce2Size)
{
    public string Extranonce1Hex { get; set; } = extranonce1Hex;

    public static TestMiner FromSubscribe(PowAlgorithm pow, JsonElement subscribeResponse)
    {
        var result = subscribeResponse.GetProperty("result");
        return new TestMiner(pow, result[1].GetString()!, result[2].GetInt32());
    }

    /// <summary>Searches nonces from <paramref name="startNonce"/> until the header meets <paramref name="difficulty"/> (and fails <paramref name="failDifficulty"/> if given).</summary>
    public FoundShare Find(JsonElement notify, double difficulty, ulong extranonce2 = 1, uint startNonce = 0, uint versionBits = 0, uint versionMask = 0,
        double? failDifficulty = null, uint? ntime = null)
    {
        var p = notify.GetProperty("params");
        var jobId = p[0].GetString()!;
        var prevHash = SwapWords(Convert.FromHexString(p[1].GetString()!));
        var coinbase1 = Convert.FromHexString(p[2].GetString()!);
        var coinbase2 = Convert.FromHexString(p[3].GetString()!);
        var branch = p[4].EnumerateArray().Select(b => Convert.FromHexString(b.GetString()!)).ToList();
        var version = uint.Parse(p[5].GetString()!, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var bits = uint.Parse(p[6].GetString()!, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var time = ntime ?? uint.Parse(p[7].GetString()!, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var extranonce2Bytes = new byte[extranonce2Size];
        for (var i = 0; i < extranonce2Size; i++)
        {
            extranonce2Bytes[i] = (byte)(extranonce2 >> (8 * (extranonce2Size - 1 - i)));
        }

        var coinbase = coinbase1.Concat(Convert.FromHexString(Extranonce1Hex)).Concat(extranonce2Bytes).Concat(coinbase2).ToArray();
        var root = Sha256d.Hash(coinbase);
        foreach (var sibling in branch)
        {
            root = Sha256d.Hash(root.Concat(sibling).ToArray());
        }

        var rolled = (version & ~versionMask) | (versionBits & versionMask);
        var header = new byte[80];
        BinaryPrimitives.WriteUInt32LittleEndian(header, rolled);
        prevHash.CopyTo(header, 4);
        root.CopyTo(header, 36);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(68), time);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(72), bits);
        var target = pow.DifficultyOne.TargetForDifficulty(difficulty);
        var failTarget = failDifficulty is { } fail ? pow.DifficultyOne.TargetForDifficulty(fail) : (Target256?)null;
        var digest = new byte[32];
        for (var nonce = startNonce; ; nonce++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(76), nonce);
            pow.HashHeader(header, digest);
            if (target.IsMetBy(digest) && (failTarget is not { } f || !f.IsMetBy(digest)))
            {
                var blockHash = Sha256d.Hash(header);
                return new FoundShare(jobId, Convert.ToHexStringLower(extranonce2Bytes), time.ToString("x8", CultureInfo.InvariantCulture),
                    nonce.ToString("x8", CultureInfo.InvariantCulture), versionBits.ToString("x8", CultureInfo.InvariantCulture),
                    CompactTarget.ToTarget(bits).IsMetBy(digest), blockHash);
            }
        }
    }

    private static byte[] SwapWords(byte[] stratumOrder)
    {
        var result = new byte[32];
        for (var i = 0; i < 32; i += 4)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(i), BinaryPrimitives.ReadUInt32BigEndian(stratumOrder.AsSpan(i)));
        }

        return result;
    }
}
