using Pool.Host.Health;

namespace Pool.Host.Tests.Health;

public class AvailabilityTrackerTests
{
    [Test]
    public void Observe_UpAtFirst_IsNoChange()
    {
        Assert.That(new AvailabilityTracker().Observe(true), Is.False);
    }

    [Test]
    public void Observe_DownAtFirst_IsAChange()
    {
        Assert.That(new AvailabilityTracker().Observe(false), Is.True);
    }

    [Test]
    public void Observe_OutageOfSeveralChecks_ReportsOnlyStartAndEnd()
    {
        var tracker = new AvailabilityTracker();
        var changes = new[] { true, false, false, false, true, true }.Select(tracker.Observe).ToList();

        Assert.That(changes, Is.EqualTo(new[] { false, true, false, false, true, false }));
    }
}
