using Pool.Testing;

namespace Pool.Core.Tests;

public class EventuallyTests
{
    [Test]
    public async Task HoldsAsync_ConditionThrowsThenHolds_Returns()
    {
        var calls = 0;

        await Eventually.HoldsAsync(() => ++calls >= 3 ? true : throw new IOException("not up yet"), "the third call", TimeSpan.FromSeconds(30));

        Assert.That(calls, Is.EqualTo(3));
    }

    [Test]
    public void HoldsAsync_ConditionKeepsThrowing_TimeoutNamesTheLastError()
    {
        var calls = 0;

        var timeout = Assert.ThrowsAsync<TimeoutException>(() =>
            Eventually.HoldsAsync(bool () => throw new IOException($"refused {++calls}"), "a server", TimeSpan.FromMilliseconds(300)));

        Assert.That(timeout!.InnerException, Is.InstanceOf<IOException>().With.Message.EqualTo($"refused {calls}"));
        Assert.That(timeout.Message, Does.Contain("waiting for a server").And.Contain($"IOException: refused {calls}"));
    }

    [Test]
    public void HoldsAsync_ConditionFailsAnAssertion_FailsAtOnce()
    {
        var calls = 0;

        Assert.ThrowsAsync<AssertionException>(() =>
            Eventually.HoldsAsync(() => ++calls > 0 ? throw new AssertionException("wrong status") : false, "an answer", TimeSpan.FromSeconds(30)));

        Assert.That(calls, Is.EqualTo(1));
    }

    [Test]
    public async Task HoldsAsync_HttpTimeoutThenHolds_Returns()
    {
        var calls = 0;

        await Eventually.HoldsAsync(() => ++calls >= 2 ? true : throw new TaskCanceledException("slow", new TimeoutException()), "the second call", TimeSpan.FromSeconds(30));

        Assert.That(calls, Is.EqualTo(2));
    }

    [Test]
    public void HoldsAsync_ConditionCancelled_FailsAtOnce()
    {
        var calls = 0;

        Assert.ThrowsAsync<TaskCanceledException>(() =>
            Eventually.HoldsAsync(() => ++calls > 0 ? throw new TaskCanceledException() : false, "an answer", TimeSpan.FromSeconds(30)));

        Assert.That(calls, Is.EqualTo(1));
    }
}
