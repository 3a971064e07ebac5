using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Pool.Stratum.Options;
using Pool.Stratum.Security;
using Pool.Stratum.Tests.Support;

namespace Pool.Stratum.Tests.Unit;

public class SecurityTests
{
    private static readonly IPAddress Miner = IPAddress.Parse("10.1.2.3");

    [Test]
    public void RecordShare_RatioCrossed_BannedUntilDurationPasses()
    {
        var clock = new ManualClock();
        var bans = new BanList(new BanOptions { MinimumShares = 10, InvalidShareRatio = 0.5, Duration = TimeSpan.FromMinutes(5) }, clock, NullLogger.Instance);
        var issued = false;
        for (var i = 0; i < 4; i++)
        {
            issued |= bans.RecordShare(Miner, valid: true);
        }

        for (var i = 0; i < 6; i++)
        {
            issued |= bans.RecordShare(Miner, valid: false);
        }

        Assert.That(issued, Is.True);
        Assert.That(bans.IsBanned(Miner), Is.True);
        Assert.That(bans.IsBanned(IPAddress.Parse("10.1.2.4")), Is.False);
        clock.Advance(TimeSpan.FromMinutes(4));
        Assert.That(bans.IsBanned(Miner), Is.True);
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.That(bans.IsBanned(Miner), Is.False);
    }

    [Test]
    public void RecordShare_RatioBelowThreshold_NeverBanned()
    {
        var bans = new BanList(new BanOptions { MinimumShares = 10, InvalidShareRatio = 0.5 }, new ManualClock(), NullLogger.Instance);
        for (var i = 0; i < 1000; i++)
        {
            bans.RecordShare(Miner, valid: i % 3 != 0);
        }

        Assert.That(bans.IsBanned(Miner), Is.False);
    }

    [Test]
    public void Allocate_Counter_PrefixThenIncrementingNeverReusedWhileHeld()
    {
        var allocator = new ExtranonceAllocator(0x42);

        var a = allocator.Allocate();
        var b = allocator.Allocate();

        Assert.That(a, Is.EqualTo(0x42000001));
        Assert.That(b, Is.EqualTo(0x42000002));
        Assert.That(allocator.TryResume("42000001", out _), Is.False, "held by a live connection");
        allocator.Release(a);
        Assert.That(allocator.TryResume("42000001", out var resumed), Is.True);
        Assert.That(resumed, Is.EqualTo(a));
        Assert.That(allocator.TryResume("43000009", out _), Is.False, "another instance's prefix");
        Assert.That(allocator.TryResume("zz", out _), Is.False);
    }

    [Test]
    public void TryAcquire_LimitReached_RefusedUntilReleased()
    {
        var limiter = new ConnectionLimiter(2);

        Assert.That(limiter.TryAcquire(Miner), Is.True);
        Assert.That(limiter.TryAcquire(Miner), Is.True);
        Assert.That(limiter.TryAcquire(Miner), Is.False);
        limiter.Release(Miner);
        Assert.That(limiter.TryAcquire(Miner), Is.True);
    }

    [TestCase("addr", "", "addr", "", null, null)]
    [TestCase("addr.rig.7", "x", "addr", "rig.7", null, null)]
    [TestCase("addr.w", "d=0.5,eth=0xabc", "addr", "w", 0.5, "0xabc")]
    [TestCase("addr", "eth=0xdef;d=16", "addr", "", 16d, "0xdef")]
    public void TryParse_LoginAndPassword_Split(string login, string password, string address, string worker, double? difficulty, string? token)
    {
        Assert.That(WorkerLogin.TryParse(login, password, out var parsed, out _), Is.True);
        Assert.That(parsed.Address, Is.EqualTo(address));
        Assert.That(parsed.Worker, Is.EqualTo(worker));
        Assert.That(parsed.RequestedDifficulty, Is.EqualTo(difficulty));
        Assert.That(parsed.TokenAddress, Is.EqualTo(token));
    }

    [TestCase("", "x", "needs a login")]
    [TestCase("addr", "d=-1", "not a positive difficulty")]
    [TestCase("addr.rig|1", "x", "worker name 'rig|1'")]
    [TestCase("addr.rig 1", "x", "letters, digits")]
    [TestCase("addr.rig\u00001", "x", "letters, digits")]
    [TestCase("addr.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "x", "at most 64")]
    public void TryParse_Invalid_ReasonGiven(string login, string password, string reason)
    {
        Assert.That(WorkerLogin.TryParse(login, password, out _, out var why), Is.False);
        Assert.That(why, Does.Contain(reason));
    }
}
