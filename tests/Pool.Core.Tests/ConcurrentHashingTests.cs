using Pool.Core.Pow;

namespace Pool.Core.Tests;

public class ConcurrentHashingTests
{
    [Test]
    public async Task HashHeaders_ManyThreadsAtOnce_GiveSameDigestsAsOneThread()
    {
        const int threads = 4;
        const int count = 9;
        var headers = Enumerable.Range(0, threads).Select(t =>
        {
            var bytes = new byte[count * 80];
            new Random(t).NextBytes(bytes);
            return bytes;
        }).ToArray();

        var expected = headers.Select(h => (Sha: Hash(Sha256dPow.Instance, h), Scrypt: Hash(ScryptPow.Instance, h))).ToArray();

        // Scratch tables are per thread; concurrent callers must never see each other's.
        var results = await Task.WhenAll(Enumerable.Range(0, threads).Select(t => Task.Run(() =>
        {
            var sha = new byte[count * 32];
            var scrypt = new byte[count * 32];
            for (var round = 0; round < 3; round++)
            {
                Sha256dPow.Instance.HashHeaders(headers[t], sha);
                ScryptPow.Instance.HashHeaders(headers[t], scrypt);
                var single = new byte[32];
                ScryptPow.Instance.HashHeader(headers[t].AsSpan(0, 80), single);
                Assert.That(single, Is.EqualTo(scrypt.AsSpan(0, 32).ToArray()));
            }

            return (Sha: sha, Scrypt: scrypt);
        })));

        for (var t = 0; t < threads; t++)
        {
            Assert.That(results[t].Sha, Is.EqualTo(expected[t].Sha), $"sha256d on thread {t}");
            Assert.That(results[t].Scrypt, Is.EqualTo(expected[t].Scrypt), $"scrypt on thread {t}");
        }
    }

    private static byte[] Hash(PowAlgorithm algorithm, byte[] headers)
    {
        var digests = new byte[headers.Length / 80 * 32];
        for (var i = 0; i < headers.Length / 80; i++)
        {
            algorithm.HashHeader(headers.AsSpan(i * 80, 80), digests.AsSpan(i * 32, 32));
        }

        return digests;
    }
}
