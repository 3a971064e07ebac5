using Pool.Core.Mining;
using Pool.Stratum.Sinks;

namespace Pool.Stratum.Tests.Unit;

public class InMemoryShareSinkTests
{
    [Test]
    public async Task RecordAsync_Shares_KeptInOrderAndAnnounced()
    {
        var sink = new InMemoryShareSink();
        var announced = new List<string>();
        sink.Recorded += share => announced.Add(share.ShareId);

        foreach (var id in new[] { "a", "b", "c" })
        {
            await sink.RecordAsync(new AcceptedShare(id, "addr", "w", 1, 2, 3, "j", 10, DateTimeOffset.UnixEpoch, "pool-1", false));
        }

        Assert.That(sink.Shares.Select(s => s.ShareId), Is.EqualTo(new[] { "a", "b", "c" }));
        Assert.That(announced, Is.EqualTo(new[] { "a", "b", "c" }));
    }
}
