using Microsoft.Extensions.Logging.Abstractions;
using Pool.Chain.Jobs;
using Pool.Chain.Templates;
using Pool.Chain.Tests.Support;

namespace Pool.Chain.Tests.Jobs;

public sealed class JobManagerTests
{
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(30);
    private readonly ManualTimeProvider _clock = new();

    [Test]
    public void Offer_FirstTemplate_CleanJobBecomesCurrentAndIsRaised()
    {
        var manager = Manager(historySize: 4);
        MiningJob? raised = null;
        manager.JobCreated += j => raised = j;

        var job = manager.Offer(Template("aa", "k1"));

        Assert.That(job, Is.Not.Null);
        Assert.That(job!.CleanJobs, Is.True);
        Assert.That(manager.Current, Is.SameAs(job));
        Assert.That(raised, Is.SameAs(job));
        Assert.That(manager.TryGetJob(job.JobId, out var found), Is.True);
        Assert.That(found, Is.SameAs(job));
    }

    [Test]
    public void Offer_SameBlockSameContent_NoNewJob()
    {
        var manager = Manager(historySize: 4);
        manager.Offer(Template("aa", "k1"));
        _clock.Advance(Refresh * 2);

        Assert.That(manager.Offer(Template("aa", "k1")), Is.Null);
    }

    [Test]
    public void Offer_ChangedContentBeforeRefreshInterval_WaitsThenNonCleanJob()
    {
        var manager = Manager(historySize: 4);
        var first = manager.Offer(Template("aa", "k1"))!;

        Assert.That(manager.Offer(Template("aa", "k2")), Is.Null, "too early for a refresh");
        _clock.Advance(Refresh);
        var second = manager.Offer(Template("aa", "k2"));

        Assert.That(second, Is.Not.Null);
        Assert.That(second!.CleanJobs, Is.False);
        Assert.That(second.JobId, Is.Not.EqualTo(first.JobId));
        Assert.That(manager.TryGetJob(first.JobId, out _), Is.True, "shares for the earlier job of the same block stay valid");
    }

    [Test]
    public void Offer_NewBlock_CleanJobAndOlderJobsForgotten()
    {
        var manager = Manager(historySize: 4);
        var old = manager.Offer(Template("aa", "k1"))!;

        var job = manager.Offer(Template("bb", "k9"));

        Assert.That(job!.CleanJobs, Is.True);
        Assert.That(manager.TryGetJob(old.JobId, out _), Is.False);
        Assert.That(manager.TryGetJob(job.JobId, out _), Is.True);
    }

    [Test]
    public void Offer_MoreJobsThanHistory_OldestDropped()
    {
        var manager = Manager(historySize: 3);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            _clock.Advance(Refresh);
            ids.Add(manager.Offer(Template("aa", "k" + i))!.JobId);
        }

        Assert.That(ids.Distinct().Count(), Is.EqualTo(5));
        Assert.That(ids.Select(id => manager.TryGetJob(id, out _)), Is.EqualTo(new[] { false, false, true, true, true }));
    }

    [Test]
    public void Offer_SubscriberThrows_OtherSubscribersStillCalled()
    {
        var manager = Manager(historySize: 2);
        var called = false;
        manager.JobCreated += _ => throw new InvalidOperationException("broken subscriber");
        manager.JobCreated += _ => called = true;

        Assert.That(() => manager.Offer(Template("aa", "k1")), Throws.Nothing);
        Assert.That(called, Is.True);
    }

    [Test]
    public void TryGetJob_UnknownId_False()
    {
        Assert.That(Manager(historySize: 2).TryGetJob("nope", out _), Is.False);
    }

    private JobManager Manager(int historySize) =>
        new(new JobFactory(new CoinbaseBuilder([0x51], [], 8), Pool.Core.Pow.ScryptPow.Instance), historySize, Refresh, _clock, NullLogger.Instance);

    private static BlockTemplate Template(string previous, string contentKey) => new()
    {
        Height = 500,
        Version = 0x20000000,
        PreviousBlockHash = previous.PadLeft(64, '0'),
        PreviousBlockHashBytes = new byte[32],
        Transactions = [],
        CoinbaseValue = 5_000_000_000,
        Bits = 0x207fffff,
        CurrentTime = 1_700_000_000,
        MinimumTime = 1_700_000_000,
        ContentKey = contentKey,
    };
}
