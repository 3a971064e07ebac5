using System.Text;
using Pool.Core.Hashing;
using Pool.Core.Pow;
using Pool.Core.Targets;

namespace Pool.Core.Tests;

public class ScryptTests
{
    private static IEnumerable<GoldenBlock> LitecoinBlocks => GoldenBlock.Load("litecoin-headers.json");

    // RFC 7914 section 12, first vector: empty password and salt, N = 16, r = 1, p = 1.
    [Test]
    public void Hash_Rfc7914EmptyVector_MatchesPublishedOutput()
    {
        var output = new byte[64];
        Scrypt.Hash([], [], 16, output);
        Assert.That(Convert.ToHexStringLower(output), Is.EqualTo(
            "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442" +
            "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906"));
    }

    [Test]
    public void Hash_Rfc7914PasswordNaClVector_MatchesPublishedOutput()
    {
        var output = new byte[64];
        Scrypt.Hash("password"u8, "NaCl"u8, 1024, 8, 16, output);
        Assert.That(Convert.ToHexStringLower(output), Is.EqualTo(
            "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162" +
            "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640"));
    }

    [Test]
    public void Hash_Rfc7914SodiumChlorideVector_MatchesPublishedOutput()
    {
        var output = new byte[64];
        Scrypt.Hash("pleaseletmein"u8, "SodiumChloride"u8, 16384, 8, 1, output);
        Assert.That(Convert.ToHexStringLower(output), Is.EqualTo(
            "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2" +
            "d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887"));
    }

    // Outputs of OpenSSL's scrypt (EVP_PBE_scrypt) for parameters RFC 7914 does not cover: several lanes with r = 1, and an odd r.
    [TestCase("pool", "pool", 1024, 1, 2, "e68146dbff5f5361e17a3807359089e9a29d9295d8b81f8bdbda1d99a12ff456")]
    [TestCase("pool", "salt", 16, 3, 3, "7fbea062e48e5dba0948eba31cc5c63316bc04b790bf4976714dc7ff482db6d77827ba3b3a00b317")]
    public void Hash_GeneralParameters_MatchOpenSslScrypt(string password, string salt, int n, int r, int p, string expected)
    {
        var output = new byte[expected.Length / 2];
        Scrypt.Hash(Encoding.ASCII.GetBytes(password), Encoding.ASCII.GetBytes(salt), n, r, p, output);
        Assert.That(Convert.ToHexStringLower(output), Is.EqualTo(expected));
    }

    [Test]
    public void Hash_GeneralOverloadWithROneAndPOne_MatchesLitecoinOverload()
    {
        var header = new byte[80];
        new Random(5).NextBytes(header);
        var viaLitecoin = new byte[32];
        var viaGeneral = new byte[32];
        Scrypt.Hash(header, header, Scrypt.LitecoinN, viaLitecoin);
        Scrypt.Hash(header, header, Scrypt.LitecoinN, 1, 1, viaGeneral);
        Assert.That(viaGeneral, Is.EqualTo(viaLitecoin));
    }

    [TestCaseSource(nameof(LitecoinBlocks))]
    public void HashHeader_RealLitecoinHeader_GivesPublishedPowHashWithinTarget(GoldenBlock block)
    {
        var header = block.Header();
        Assert.That(GoldenBlock.Display(Sha256d.Hash(header)), Is.EqualTo(block.Hash), "the header is the real block's");

        var pow = new byte[32];
        ScryptPow.Instance.HashHeader(header, pow);
        Assert.That(GoldenBlock.Display(pow), Is.EqualTo(block.PowHash));
        Assert.That(CompactTarget.ToTarget(block.CompactBits).IsMetBy(pow), Is.True);
    }

    [TestCaseSource(nameof(LitecoinBlocks))]
    public void HashHeader_RealLitecoinHeaderWithOtherNonce_MissesTarget(GoldenBlock block)
    {
        var header = block.Header();
        header[76] ^= 1;
        var pow = new byte[32];
        ScryptPow.Instance.HashHeader(header, pow);
        Assert.That(CompactTarget.ToTarget(block.CompactBits).IsMetBy(pow), Is.False);
    }

    private static IEnumerable<TestCaseData> ImplementationsAndBatchSizes =>
        from implementation in Scrypt.Available
        from count in new[] { 1, 3, 5, 9 }
        select new TestCaseData(implementation, count);

    [TestCaseSource(nameof(ImplementationsAndBatchSizes))]
    public void HashMany_BatchNotAMultipleOfLanes_MatchesOneAtATime(ScryptImplementation implementation, int count)
    {
        var headers = new byte[count * 80];
        new Random(count).NextBytes(headers);
        var digests = new byte[count * 32];
        Scrypt.HashMany(implementation, headers, 80, Scrypt.LitecoinN, digests);
        for (var i = 0; i < count; i++)
        {
            var header = headers.AsSpan(i * 80, 80);
            var expected = new byte[32];
            Scrypt.Hash(header, header, Scrypt.LitecoinN, 1, 1, expected);
            Assert.That(digests.AsSpan(i * 32, 32).ToArray(), Is.EqualTo(expected), $"header {i}");
        }
    }

    [TestCaseSource(nameof(ImplementationsAndBatchSizes))]
    public void HashMany_SmallCostBatch_MatchesRfcVectorOne(ScryptImplementation implementation, int count)
    {
        // The RFC's first vector (empty password and salt, N = 16) repeated: 32 bytes of its output per message.
        var digests = new byte[count * 32];
        Scrypt.HashMany(implementation, [], 0, 16, digests);
        for (var i = 0; i < count; i++)
        {
            Assert.That(Convert.ToHexStringLower(digests.AsSpan(i * 32, 32)),
                Is.EqualTo("77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442"));
        }
    }

    [Test]
    public void HashHeaders_RealLitecoinHeadersInOneBatch_GivePublishedPowHashes()
    {
        var blocks = LitecoinBlocks.ToList();
        var headers = blocks.SelectMany(b => b.Header()).ToArray();
        var digests = new byte[blocks.Count * 32];
        ScryptPow.Instance.HashHeaders(headers, digests);
        for (var i = 0; i < blocks.Count; i++)
        {
            Assert.That(GoldenBlock.Display(digests.AsSpan(i * 32, 32)), Is.EqualTo(blocks[i].PowHash));
        }
    }

    [Test]
    public void Hash_CostNotPowerOfTwo_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Scrypt.Hash([], [], 1000, new byte[32]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Scrypt.Hash([], [], 1024, 0, 1, new byte[32]));
    }
}
