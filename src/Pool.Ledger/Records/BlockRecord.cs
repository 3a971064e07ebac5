using System.Globalization;
using System.Text;
using Pool.Core.Mining;

namespace Pool.Ledger.Records;

/// <summary>
/// The spool's text form of a found block:
/// <c>blockHash|height|rewardBaseUnits|finder|worker|networkDifficulty|timeUnixMs|instanceId|shareId</c> in UTF-8.
/// </summary>
public static class BlockRecord
{
    private const int FieldCount = 9;

    /// <summary>Encodes <paramref name="block"/>; throws <see cref="ArgumentException"/> naming the field that cannot be recorded.</summary>
    public static byte[] Encode(FoundBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        RecordText.CheckField(block.BlockHash, "block hash", allowEmpty: false);
        RecordText.CheckField(block.Finder, "finder address", allowEmpty: false);
        RecordText.CheckField(block.Worker, "finder worker", allowEmpty: true);
        RecordText.CheckField(block.InstanceId, "instance id", allowEmpty: true);
        RecordText.CheckField(block.ShareId, "share id", allowEmpty: true);
        if (!double.IsFinite(block.NetworkDifficulty) || block.NetworkDifficulty <= 0)
        {
            throw new ArgumentException($"block {block.BlockHash}: network difficulty must be a positive finite number, got {block.NetworkDifficulty}", nameof(block));
        }

        if (block.RewardBaseUnits < 0 || block.Height < 0)
        {
            throw new ArgumentException($"block {block.BlockHash}: reward and height must not be negative", nameof(block));
        }

        var text = string.Join(
            ShareRecord.Separator,
            block.BlockHash,
            block.Height.ToString(CultureInfo.InvariantCulture),
            block.RewardBaseUnits.ToString(CultureInfo.InvariantCulture),
            block.Finder,
            block.Worker,
            block.NetworkDifficulty.ToString("R", CultureInfo.InvariantCulture),
            block.Time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            block.InstanceId,
            block.ShareId);
        return Encoding.UTF8.GetBytes(text);
    }

    /// <summary>Decodes a block record; false when the bytes are not one.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> record, out FoundBlock? block)
    {
        block = null;
        var parts = Encoding.UTF8.GetString(record).Split(ShareRecord.Separator);
        if (parts.Length != FieldCount ||
            !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var height) ||
            !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var reward) ||
            !double.TryParse(parts[5], NumberStyles.Float, CultureInfo.InvariantCulture, out var networkDifficulty) ||
            !long.TryParse(parts[6], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var timeMs))
        {
            return false;
        }

        block = new FoundBlock(parts[0], height, reward, parts[3], parts[4], networkDifficulty, DateTimeOffset.FromUnixTimeMilliseconds(timeMs), parts[7], parts[8]);
        return true;
    }
}
