using System.Buffers.Binary;
using System.Globalization;
using Pool.Chain.Jobs;

namespace Pool.Stratum.Protocol;

public static partial class StratumMessages
{
    /// <summary>mining.set_difficulty.</summary>
    public static OutboundMessage SetDifficulty(double difficulty)
    {
        var json = BeginNotification(StratumMethodNames.SetDifficulty);
        json.WriteNumberValue(difficulty);
        return FinishNotification(json);
    }

    /// <summary>mining.set_version_mask (BIP310).</summary>
    public static OutboundMessage SetVersionMask(uint mask)
    {
        var json = BeginNotification(StratumMethodNames.SetVersionMask);
        json.WriteStringValue(mask.ToString("x8", CultureInfo.InvariantCulture));
        return FinishNotification(json);
    }

    /// <summary>mining.set_extranonce.</summary>
    public static OutboundMessage SetExtranonce(string extranonce1Hex, int extranonce2Size)
    {
        var json = BeginNotification(StratumMethodNames.SetExtranonce);
        json.WriteStringValue(extranonce1Hex);
        json.WriteNumberValue(extranonce2Size);
        return FinishNotification(json);
    }

    /// <summary>client.reconnect: asks the miner to reconnect to a host and port after a wait in seconds.</summary>
    public static OutboundMessage Reconnect(string host, int port, int waitSeconds)
    {
        var json = BeginNotification(StratumMethodNames.Reconnect);
        json.WriteStringValue(host);
        json.WriteNumberValue(port);
        json.WriteNumberValue(waitSeconds);
        return FinishNotification(json);
    }

    /// <summary>client.show_message: text the miner shows its operator.</summary>
    public static OutboundMessage ShowMessage(string text)
    {
        var json = BeginNotification(StratumMethodNames.ShowMessage);
        json.WriteStringValue(text);
        return FinishNotification(json);
    }

    /// <summary>
    /// mining.notify for a job, encoded once and shared by every connection: prevhash with each 4-byte word byte-swapped
    /// (Stratum order), coinbase parts and branch as hex, version, nbits and ntime as 8 big-endian hex digits.
    /// </summary>
    public static OutboundMessage Notify(MiningJob job, bool cleanJobs)
    {
        var json = BeginNotification(StratumMethodNames.Notify);
        json.WriteStringValue(job.JobId);
        json.WriteStringValue(Convert.ToHexStringLower(PrevHashInStratumOrder(job.PreviousBlockHash)));
        json.WriteStringValue(Convert.ToHexStringLower(job.Coinbase1));
        json.WriteStringValue(Convert.ToHexStringLower(job.Coinbase2));
        json.WriteStartArray();
        foreach (var hash in job.MerkleBranch)
        {
            json.WriteStringValue(Convert.ToHexStringLower(hash));
        }

        json.WriteEndArray();
        json.WriteStringValue(job.Version.ToString("x8", CultureInfo.InvariantCulture));
        json.WriteStringValue(job.Bits.ToString("x8", CultureInfo.InvariantCulture));
        json.WriteStringValue(job.Time.ToString("x8", CultureInfo.InvariantCulture));
        json.WriteBooleanValue(cleanJobs);
        var pooled = FinishNotification(json);

        // Shared by many connections, so it lives in its own array rather than a pooled one.
        var shared = pooled.Span.ToArray();
        pooled.Release();
        return new OutboundMessage(shared, shared.Length, Pooled: false);
    }

    /// <summary>The previous block hash as mining.notify carries it: each 4-byte word of the internal order reversed.</summary>
    public static byte[] PrevHashInStratumOrder(ReadOnlySpan<byte> internalOrder)
    {
        var result = new byte[32];
        for (var i = 0; i < 32; i += 4)
        {
            BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(i), BinaryPrimitives.ReadUInt32LittleEndian(internalOrder[i..]));
        }

        return result;
    }
}
