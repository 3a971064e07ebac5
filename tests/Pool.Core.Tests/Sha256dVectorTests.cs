using System.Security.Cryptography;
using System.Text;
using Pool.Core.Hashing;
using Pool.Core.Pow;

namespace Pool.Core.Tests;

public class Sha256dVectorTests
{
    // Bitcoin's genesis block and block 125552 (the header the Bitcoin wiki's block-hashing example walks through).
    private const string GenesisHeader =
        "01000000000000000000000000000000000000000000000000000000000000000000000" +
        "03ba3edfd7a7b12b27ac72c3e67768f617fc81bc3888a51323a9fb8aa4b1e5e4a29ab5f49ffff001d1dac2b7c";

    private const string GenesisHash = "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f";

    private const string Block125552Header =
        "0100000081cd02ab7e569e8bcd9317e2fe99f2de44d49ab2b8851ba4a308000000000000" +
        "e320b6c2fffc8d750423db8b1eb942ae710e951ed797f7affc8892b0f1fc122bc7f5d74df2b9441a42a14695";

    private const string Block125552Hash = "00000000000000001e8d6829a8a21adc5d38d0a473b144b6765798e61f98bd1d";

    private static IEnumerable<Sha256Implementation> Implementations => Sha256Engine.Available;

    private static IEnumerable<TestCaseData> NistVectors =>
    [
        new TestCaseData("abc", 1, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad").SetArgDisplayNames("abc"),
        new TestCaseData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 1,
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1").SetArgDisplayNames("448-bit"),
        new TestCaseData("a", 1_000_000, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0").SetArgDisplayNames("million-a"),
    ];

    private static IEnumerable<TestCaseData> NistVectorsPerImplementation =>
        from implementation in Sha256Engine.Available
        from vector in NistVectors
        select new TestCaseData(implementation, vector.Arguments[0], vector.Arguments[1], vector.Arguments[2])
            .SetArgDisplayNames(implementation.ToString(), vector.TestName ?? (string)vector.Arguments[0]!);

    private static IEnumerable<TestCaseData> Headers =>
    [
        new TestCaseData(GenesisHeader, GenesisHash).SetArgDisplayNames("genesis"),
        new TestCaseData(Block125552Header, Block125552Hash).SetArgDisplayNames("block125552"),
    ];

    private static IEnumerable<TestCaseData> HeadersPerImplementation =>
        from implementation in Sha256Engine.Available
        from header in new[] { (GenesisHeader, GenesisHash), (Block125552Header, Block125552Hash) }
        select new TestCaseData(implementation, header.Item1, header.Item2);

    [TestCaseSource(nameof(NistVectorsPerImplementation))]
    public void HashMany_NistVector_IsSha256OfPublishedDigest(Sha256Implementation implementation, string unit, int repeat, string nistDigest)
    {
        var message = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(unit, repeat)));
        var digest = new byte[32];
        Sha256Engine.HashMany(implementation, message, message.Length, digest);
        Assert.That(digest, Is.EqualTo(SHA256.HashData(Convert.FromHexString(nistDigest))));
    }

    [TestCaseSource(nameof(NistVectors))]
    public void Hash_NistVector_IsSha256OfPublishedDigest(string unit, int repeat, string nistDigest)
    {
        var message = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(unit, repeat)));
        Assert.That(Sha256d.Hash(message), Is.EqualTo(SHA256.HashData(Convert.FromHexString(nistDigest))));
    }

    [TestCaseSource(nameof(HeadersPerImplementation))]
    public void HashMany_RealBitcoinHeader_GivesBlockHash(Sha256Implementation implementation, string headerHex, string blockHash)
    {
        var header = Convert.FromHexString(headerHex);
        var digest = new byte[32];
        Sha256Engine.HashMany(implementation, header, 80, digest);
        Assert.That(Display(digest), Is.EqualTo(blockHash));
    }

    [TestCaseSource(nameof(HeadersPerImplementation))]
    public void HashTails_RealBitcoinHeader_GivesBlockHash(Sha256Implementation implementation, string headerHex, string blockHash)
    {
        var header = Convert.FromHexString(headerHex);
        var digest = new byte[32];
        Sha256Engine.HashTails(implementation, Sha256dMidstate.FromHeaderPrefix(header.AsSpan(0, 64)), header.AsSpan(64), digest);
        Assert.That(Display(digest), Is.EqualTo(blockHash));
    }

    [TestCaseSource(nameof(Headers))]
    public void HashAndPow_RealBitcoinHeader_GiveBlockHash(string headerHex, string blockHash)
    {
        var header = Convert.FromHexString(headerHex);
        Assert.That(Display(Sha256d.Hash(header)), Is.EqualTo(blockHash));

        var digest = new byte[32];
        Sha256dPow.Instance.HashHeader(header, digest);
        Assert.That(Display(digest), Is.EqualTo(blockHash));

        var midstate = Sha256dMidstate.FromHeaderPrefix(header);
        midstate.HashTail(header.AsSpan(64), digest);
        Assert.That(Display(digest), Is.EqualTo(blockHash));
    }

    [TestCase(1)]
    [TestCase(7)]
    [TestCase(17)]
    [TestCase(1000)]
    public void HashHeaders_RealHeadersRepeated_EachGivesItsBlockHash(int count)
    {
        var headers = new byte[count * 80];
        for (var i = 0; i < count; i++)
        {
            Convert.FromHexString(i % 2 == 0 ? GenesisHeader : Block125552Header).CopyTo(headers, i * 80);
        }

        var digests = new byte[count * 32];
        Sha256dPow.Instance.HashHeaders(headers, digests);
        for (var i = 0; i < count; i++)
        {
            Assert.That(Display(digests.AsSpan(i * 32, 32).ToArray()), Is.EqualTo(i % 2 == 0 ? GenesisHash : Block125552Hash), $"header {i}");
        }
    }

    [Test]
    public void Hash_EveryLength0To300_MatchesRuntimeSha256Twice()
    {
        var random = new Random(3);
        var digest = new byte[32];
        for (var length = 0; length <= 300; length++)
        {
            var message = new byte[length];
            random.NextBytes(message);
            Sha256d.Hash(message, digest);
            Assert.That(digest, Is.EqualTo(Sha256EngineTests.RuntimeSha256d(message)), $"length {length}");
        }
    }

    [Test]
    public void Hash_LongInput_MatchesRuntimeSha256Twice()
    {
        var message = new byte[10_000];
        new Random(4).NextBytes(message);
        Assert.That(Sha256d.Hash(message), Is.EqualTo(Sha256EngineTests.RuntimeSha256d(message)));
    }

    [Test]
    public void HashHeader_ShortHeaderOrDigest_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => Sha256dPow.Instance.HashHeader(new byte[79], new byte[32]));
        Assert.Throws<ArgumentException>(() => Sha256dPow.Instance.HashHeader(new byte[80], new byte[31]));
        Assert.Throws<ArgumentException>(() => ScryptPow.Instance.HashHeader(new byte[79], new byte[32]));
        Assert.Throws<ArgumentException>(() => Sha256dPow.Instance.HashHeaders(new byte[81], new byte[64]));
    }

    private static string Display(byte[] digest)
    {
        Array.Reverse(digest);
        return Convert.ToHexStringLower(digest);
    }
}
