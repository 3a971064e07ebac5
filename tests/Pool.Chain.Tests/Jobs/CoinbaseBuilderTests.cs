using Pool.Chain.Jobs;
using Pool.Chain.Templates;

namespace Pool.Chain.Tests.Jobs;

public sealed class CoinbaseBuilderTests
{
    // What Bitcoin Core's CScript() << height writes: OP_0, OP_1..OP_16, then minimal script numbers.
    [TestCase(0, "00")]
    [TestCase(1, "51")]
    [TestCase(16, "60")]
    [TestCase(17, "0111")]
    [TestCase(127, "017f")]
    [TestCase(128, "028000")]
    [TestCase(255, "02ff00")]
    [TestCase(256, "020001")]
    [TestCase(432, "02b001")]
    [TestCase(840_000, "0340d10c")]
    [TestCase(8_388_608, "0400008000")]
    public void HeightPush_Height_IsBip34Encoding(long height, string expected)
    {
        Assert.That(Convert.ToHexStringLower(CoinbaseBuilder.HeightPush(height)), Is.EqualTo(expected));
    }

    [Test]
    public void Build_Template_SplitsAroundExtranoncesInsideScript()
    {
        var builder = new CoinbaseBuilder([0x51], "/tag/"u8.ToArray(), 8);

        var (first, second) = builder.Build(Template(height: 500, commitment: null));

        // version(4) input count(1) prevout(36) script length(1) height push(3) extranonce push opcode(1)
        Assert.That(first, Has.Length.EqualTo(4 + 1 + 36 + 1 + 3 + 1));
        Assert.That(first[41], Is.EqualTo(3 + 1 + 8 + 1 + 5), "script length covers height, extranonces and tag");
        Assert.That(first[^1], Is.EqualTo(8), "the extranonces sit in one push");
        Assert.That(Convert.ToHexStringLower(second[..6]), Is.EqualTo("052f7461672f"), "coinb2 starts with the tag push");
    }

    [Test]
    public void Build_WitnessCommitment_AddsZeroValueOutput()
    {
        var builder = new CoinbaseBuilder([0x51], [], 8);
        var commitment = Convert.FromHexString("6a24aa21a9ed" + new string('a', 64));

        var (_, withCommitment) = builder.Build(Template(height: 500, commitment));
        var (_, without) = builder.Build(Template(height: 500, commitment: null));

        Assert.That(withCommitment.Length - without.Length, Is.EqualTo(8 + 1 + commitment.Length));
        Assert.That(Convert.ToHexStringLower(withCommitment), Does.Contain(Convert.ToHexStringLower(commitment)));
    }

    [Test]
    public void Build_ScriptOverHundredBytes_Throws()
    {
        var builder = new CoinbaseBuilder([0x51], new byte[20], 75);

        Assert.That(builder.Build(Template(height: 500, commitment: null)).Coinbase1, Is.Not.Empty, "3 + 1 + 75 + 21 = 100 bytes still fit");
        Assert.That(() => builder.Build(Template(height: 8_388_608, commitment: null)),
            Throws.InvalidOperationException.With.Message.Contains("100"));
    }

    [Test]
    public void Constructor_TagOverTwentyBytes_Throws()
    {
        Assert.That(() => new CoinbaseBuilder([0x51], new byte[21], 8), Throws.ArgumentException.With.Message.Contains("20"));
    }

    private static BlockTemplate Template(long height, byte[]? commitment) => new()
    {
        Height = height,
        Version = 0x20000000,
        PreviousBlockHash = new string('0', 64),
        PreviousBlockHashBytes = new byte[32],
        Transactions = [],
        CoinbaseValue = 5_000_000_000,
        Bits = 0x207fffff,
        CurrentTime = 1_700_000_000,
        MinimumTime = 1_700_000_000,
        WitnessCommitment = commitment,
        ContentKey = "k",
    };
}
