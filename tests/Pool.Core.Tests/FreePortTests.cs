using Pool.Testing;

namespace Pool.Core.Tests;

public class FreePortTests
{
    [Test]
    public void Next_ManyPorts_DistinctAndInThisProcessSlice()
    {
        var ports = Enumerable.Range(0, 100).Select(_ => FreePort.Next()).ToList();

        Assert.That(ports, Is.Unique);
        Assert.That(ports, Has.All.InRange(FreePort.SliceStart, FreePort.SliceStart + FreePort.SliceLength - 1));
    }

    [Test]
    public async Task StartWithRetryAsync_PortTaken_StartsAgain()
    {
        var attempts = 0;

        var started = await FreePort.StartWithRetryAsync("server", () => ++attempts == 1
            ? throw new InvalidOperationException("server exited with code 1 before it was ready:\nbind: Address already in use")
            : Task.FromResult("up"));

        Assert.That(started, Is.EqualTo("up"));
        Assert.That(attempts, Is.EqualTo(2));
    }

    [Test]
    public void StartWithRetryAsync_PortTakenEveryTime_GivesUp()
    {
        var attempts = 0;

        var failure = Assert.ThrowsAsync<InvalidOperationException>(() => FreePort.StartWithRetryAsync<string>("server", () =>
            throw new InvalidOperationException($"attempt {++attempts}: listen tcp 127.0.0.1:1: bind: address already in use")));

        Assert.That(attempts, Is.EqualTo(FreePort.StartAttempts));
        Assert.That(failure!.Message, Does.StartWith($"attempt {FreePort.StartAttempts}:"));
    }

    [Test]
    public void StartWithRetryAsync_OtherFailure_NotRepeated()
    {
        var attempts = 0;

        Assert.ThrowsAsync<InvalidOperationException>(() => FreePort.StartWithRetryAsync<string>("server", () =>
            throw new InvalidOperationException($"attempt {++attempts}: server exited with code 2: bad configuration")));

        Assert.That(attempts, Is.EqualTo(1));
    }
}
