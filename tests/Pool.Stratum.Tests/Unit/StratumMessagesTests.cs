using System.Text;
using System.Text.Json;
using Pool.Chain.Jobs;
using Pool.Core.Targets;
using Pool.Stratum.Protocol;

namespace Pool.Stratum.Tests.Unit;

public class StratumMessagesTests
{
    [Test]
    public void PrevHashInStratumOrder_InternalBytes_EachWordReversed()
    {
        var internalOrder = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

        var stratum = Convert.ToHexStringLower(StratumMessages.PrevHashInStratumOrder(internalOrder));

        Assert.That(stratum, Is.EqualTo("03020100070605040b0a09080f0e0d0c13121110171615141b1a19181f1e1d1c"));
    }

    [Test]
    public void Notify_Job_ParamsInStratumOrderAndHex()
    {
        var previous = Convert.FromHexString("6fe28c0ab6f1b372c1a6a246ae63f74f931e8365e15a089c68d6190000000000");
        var job = new MiningJob("1a", 1, previous, 0x20000000, 0x1d00ffff, 0x495fab29, [0x01, 0x02], [0x03],
            [Enumerable.Repeat((byte)0xaa, 32).ToArray()], true, 50, CompactTarget.ToTarget(0x1d00ffff), 1);

        var message = StratumMessages.Notify(job, cleanJobs: false);
        using var json = JsonDocument.Parse(Encoding.UTF8.GetString(message.Span));
        var p = json.RootElement.GetProperty("params");

        Assert.That(message.Span[^1], Is.EqualTo((byte)'\n'));
        Assert.That(json.RootElement.GetProperty("id").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(json.RootElement.GetProperty("method").GetString(), Is.EqualTo("mining.notify"));
        Assert.That(p[0].GetString(), Is.EqualTo("1a"));
        Assert.That(p[1].GetString(), Is.EqualTo("0a8ce26f72b3f1b646a2a6c14ff763ae65831e939c085ae10019d66800000000"));
        Assert.That(p[2].GetString(), Is.EqualTo("0102"));
        Assert.That(p[3].GetString(), Is.EqualTo("03"));
        Assert.That(p[4][0].GetString(), Is.EqualTo(new string('a', 64)));
        Assert.That(p[5].GetString(), Is.EqualTo("20000000"));
        Assert.That(p[6].GetString(), Is.EqualTo("1d00ffff"));
        Assert.That(p[7].GetString(), Is.EqualTo("495fab29"));
        Assert.That(p[8].GetBoolean(), Is.False);
    }

    [Test]
    public void Error_NumberId_EchoedWithCodeAndMessage()
    {
        var request = new StratumRequest();
        StratumRequestParser.TryParse("{\"id\":42,\"method\":\"x\",\"params\":[]}"u8, 4, request);

        var message = StratumMessages.Error(request, StratumErrorCode.DuplicateShare, "duplicate share");

        Assert.That(Encoding.UTF8.GetString(message.Span), Is.EqualTo("{\"id\":42,\"result\":null,\"error\":[22,\"duplicate share\",null]}\n"));
        message.Release();
    }
}
