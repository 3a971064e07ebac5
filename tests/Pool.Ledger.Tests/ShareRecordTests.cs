using System.Text;
using Pool.Core.Mining;
using Pool.Ledger.Records;

namespace Pool.Ledger.Tests;

public class ShareRecordTests
{
    [Test]
    public void Encode_KnownShare_WritesDocumentedFields()
    {
        var share = TestShares.Share("ab12", "LTCaddr", 0.125, worker: "rig.7");

        var text = Encoding.UTF8.GetString(ShareRecord.Encode(share));

        Assert.That(text, Is.EqualTo("ab12|LTCaddr|rig.7|0.125|job1|100|1767227430000|test"));
    }

    [Test]
    public void TryParse_EncodedShare_ReturnsAggregatedFields()
    {
        var record = ShareRecord.Encode(TestShares.Share("ab12", "LTCaddr", 1e17, worker: "w"));

        Assert.That(ShareRecord.TryParse(record, out var fields), Is.True);
        Assert.That(Encoding.UTF8.GetString(record.AsSpan()[fields.Miner]), Is.EqualTo("LTCaddr"));
        Assert.That(Encoding.UTF8.GetString(record.AsSpan()[fields.Worker]), Is.EqualTo("w"));
        Assert.That(fields.Difficulty, Is.EqualTo(1e17));
        Assert.That(fields.TimeUnixMs, Is.EqualTo(TestShares.Epoch.ToUnixTimeMilliseconds()));
    }

    [Test]
    public void TryDecode_EncodedShare_ReturnsTheRecordedFields()
    {
        var share = TestShares.Share("ab12", "LTCaddr", 0.001, worker: "w");

        Assert.That(ShareRecord.TryDecode(ShareRecord.Encode(share), out var decoded), Is.True);
        Assert.That(decoded, Is.EqualTo(share with { ActualDifficulty = 0, NetworkDifficulty = 0 }));
    }

    [TestCase("a|b")]
    [TestCase("tab\there")]
    public void Encode_WorkerWithSeparatorOrControl_ThrowsNamingTheField(string worker)
    {
        var share = TestShares.Share("ab12", "LTCaddr", 1, worker: worker);

        var error = Assert.Throws<ArgumentException>(() => ShareRecord.Encode(share));

        Assert.That(error!.Message, Does.Contain("worker name"));
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(double.NaN)]
    public void Encode_NonPositiveDifficulty_Throws(double difficulty)
    {
        Assert.Throws<ArgumentException>(() => ShareRecord.Encode(TestShares.Share("x", "m", difficulty)));
    }

    [TestCase("a|b|c")]
    [TestCase("a|b|c|notanumber|j|1|2|i")]
    [TestCase("a|b|c|1|j|1|2|i|extra")]
    public void TryParse_Malformed_ReturnsFalse(string text)
    {
        Assert.That(ShareRecord.TryParse(Encoding.UTF8.GetBytes(text), out _), Is.False);
    }

    [Test]
    public void BlockRecord_RoundTrip_KeepsEveryField()
    {
        var block = new FoundBlock("00ff", 12, 625_000_000, "finder", "w1", 1234.5, TestShares.Epoch, "i1", "s1");

        Assert.That(BlockRecord.TryDecode(BlockRecord.Encode(block), out var decoded), Is.True);
        Assert.That(decoded, Is.EqualTo(block));
    }
}
