using System.Security.Cryptography;
using Pool.Core.Hashing;

namespace Pool.Core.Tests;

public class Sha256EngineTests
{
    private const int MaxRandomLength = 300;

    private static IEnumerable<Sha256Implementation> Implementations => Sha256Engine.Available;

    private static IEnumerable<TestCaseData> ImplementationPairs =>
        from first in Sha256Engine.Available
        from second in Sha256Engine.Available
        where first < second
        select new TestCaseData(first, second);

    private static IEnumerable<TestCaseData> ImplementationsAndBatchSizes =>
        from implementation in Sha256Engine.Available
        from count in new[] { 1, 7, 9, 17, 1000 }
        select new TestCaseData(implementation, count);

    [Test]
    public void Available_OnAnyCpu_StartsWithScalarAndEndsWithBest()
    {
        Assert.That(Sha256Engine.Available[0], Is.EqualTo(Sha256Implementation.Scalar));
        Assert.That(Sha256Engine.Available[^1], Is.EqualTo(Sha256Engine.Best));
        Assert.That(Sha256Engine.Available, Is.Unique);
    }

    [Test]
    public void Available_OnX86WithAvx2_IncludesAvx2()
    {
        Assert.That(Sha256Engine.Available.Contains(Sha256Implementation.Avx2),
            Is.EqualTo(System.Runtime.Intrinsics.X86.Avx2.IsSupported));
        Assert.That(Sha256Engine.Available.Contains(Sha256Implementation.Avx512),
            Is.EqualTo(System.Runtime.Intrinsics.X86.Avx512F.IsSupported));
        Assert.That(Sha256Engine.Available.Contains(Sha256Implementation.Arm64Sha),
            Is.EqualTo(System.Runtime.Intrinsics.Arm.Sha256.IsSupported));
    }

    [TestCaseSource(nameof(Implementations))]
    public void HashMany_RandomInputsOfEveryLength0To300_MatchRuntimeSha256Twice(Sha256Implementation implementation)
    {
        var random = new Random(20240 + (int)implementation);
        var count = Sha256Engine.LaneCount(implementation) + 1;
        for (var length = 0; length <= MaxRandomLength; length++)
        {
            var messages = new byte[count * length];
            random.NextBytes(messages);
            var digests = new byte[count * Sha256d.DigestSize];
            Sha256Engine.HashMany(implementation, messages, length, digests);
            for (var i = 0; i < count; i++)
            {
                var expected = RuntimeSha256d(messages.AsSpan(i * length, length));
                Assert.That(digests.AsSpan(i * 32, 32).ToArray(), Is.EqualTo(expected), $"length {length}, message {i}");
            }
        }
    }

    [TestCaseSource(nameof(ImplementationPairs))]
    public void HashMany_TwoImplementationsOnSameRandomInputs_Agree(Sha256Implementation first, Sha256Implementation second)
    {
        var random = new Random(7);
        for (var length = 0; length <= MaxRandomLength; length += 3)
        {
            var count = 1 + (length % 20);
            var messages = new byte[count * length];
            random.NextBytes(messages);
            var firstDigests = new byte[count * 32];
            var secondDigests = new byte[count * 32];
            Sha256Engine.HashMany(first, messages, length, firstDigests);
            Sha256Engine.HashMany(second, messages, length, secondDigests);
            Assert.That(secondDigests, Is.EqualTo(firstDigests), $"length {length}");
        }
    }

    [TestCaseSource(nameof(ImplementationsAndBatchSizes))]
    public void HashMany_HeaderBatchNotAMultipleOfLanes_MatchesRuntimeSha256Twice(Sha256Implementation implementation, int count)
    {
        var headers = RandomBytes(count * 80, count);
        var digests = new byte[count * 32];
        Sha256Engine.HashMany(implementation, headers, 80, digests);
        for (var i = 0; i < count; i++)
        {
            Assert.That(digests.AsSpan(i * 32, 32).ToArray(), Is.EqualTo(RuntimeSha256d(headers.AsSpan(i * 80, 80))), $"header {i}");
        }
    }

    [TestCaseSource(nameof(ImplementationsAndBatchSizes))]
    public void HashTails_BatchNotAMultipleOfLanes_MatchesFullHeaderHash(Sha256Implementation implementation, int count)
    {
        var prefix = RandomBytes(64, -count);
        var tails = RandomBytes(count * 16, count + 1);
        var digests = new byte[count * 32];
        Sha256Engine.HashTails(implementation, Sha256dMidstate.FromHeaderPrefix(prefix), tails, digests);
        var header = new byte[80];
        prefix.CopyTo(header, 0);
        for (var i = 0; i < count; i++)
        {
            tails.AsSpan(i * 16, 16).CopyTo(header.AsSpan(64));
            Assert.That(digests.AsSpan(i * 32, 32).ToArray(), Is.EqualTo(RuntimeSha256d(header)), $"tail {i}");
        }
    }

    [Test]
    public void HashMany_ImplementationThisCpuLacks_ThrowsPlatformNotSupported()
    {
        var missing = Enum.GetValues<Sha256Implementation>().Where(i => !Sha256Engine.IsSupported(i)).ToList();
        if (missing.Count == 0)
        {
            Assert.Ignore("this CPU runs every implementation");
        }

        Assert.Throws<PlatformNotSupportedException>(() => Sha256Engine.HashMany(missing[0], new byte[80], 80, new byte[32]));
    }

    [Test]
    public void HashMany_MessagesNotMatchingDigestCount_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => Sha256Engine.HashMany(Sha256Implementation.Scalar, new byte[81], 80, new byte[32]));
        Assert.Throws<ArgumentException>(() => Sha256Engine.HashMany(Sha256Implementation.Scalar, new byte[80], 80, new byte[33]));
        Assert.Throws<ArgumentException>(() => Sha256Engine.HashMany(Sha256Implementation.Scalar, new byte[80], -1, new byte[32]));
    }

    [Test]
    public void HashTails_PartialTail_ThrowsArgumentException()
    {
        var midstate = Sha256dMidstate.FromHeaderPrefix(new byte[64]);
        Assert.Throws<ArgumentException>(() => Sha256Engine.HashTails(Sha256Implementation.Scalar, midstate, new byte[17], new byte[64]));
        Assert.Throws<ArgumentException>(() => Sha256Engine.HashTails(Sha256Implementation.Scalar, midstate, new byte[32], new byte[32]));
        Assert.Throws<ArgumentException>(() => Sha256dMidstate.FromHeaderPrefix(new byte[63]));
    }

    internal static byte[] RuntimeSha256d(ReadOnlySpan<byte> data) => SHA256.HashData(SHA256.HashData(data));

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
