using System.Text;
using Pool.Stratum.Protocol;

namespace Pool.Stratum.Tests.Unit;

public class StratumRequestParserTests
{
    [Test]
    public void TryParse_Submit_FieldsDecoded()
    {
        var request = Parse("{\"params\":[\"addr.w\",\"1f\",\"0A0b0c0D\",\"6553f100\",\"1a2B\",\"00002000\"],\"id\":9,\"method\":\"mining.submit\"}");

        Assert.That(request.Method, Is.EqualTo(StratumMethod.Submit));
        Assert.That(request.Problem, Is.Null);
        Assert.That(Encoding.UTF8.GetString(request.Worker), Is.EqualTo("addr.w"));
        Assert.That(Encoding.UTF8.GetString(request.JobId), Is.EqualTo("1f"));
        Assert.That(request.Extranonce2.ToArray(), Is.EqualTo(new byte[] { 0x0a, 0x0b, 0x0c, 0x0d }));
        Assert.That(request.Time, Is.EqualTo(0x6553f100));
        Assert.That(request.Nonce, Is.EqualTo(0x1a2b));
        Assert.That(request.VersionBits, Is.EqualTo(0x2000));
        Assert.That(request.HasVersionBits, Is.True);
        Assert.That(Encoding.UTF8.GetString(request.Id), Is.EqualTo("9"));
    }

    [Test]
    public void TryParse_EscapedStrings_Unescaped()
    {
        var request = Parse("{\"id\":\"a\\u0062\",\"method\":\"mining.\\u0073ubmit\",\"params\":[\"w\",\"j\",\"\\u00300000000\",\"00000000\",\"00000000\"]}");

        Assert.That(request.Method, Is.EqualTo(StratumMethod.Submit));
        Assert.That(request.IdKind, Is.EqualTo(RequestIdKind.String));
        Assert.That(Encoding.UTF8.GetString(request.Id), Is.EqualTo("ab"));
        Assert.That(request.Problem, Is.Null);
    }

    [TestCase("[1,2,3,4,5]", "strings")]
    [TestCase("[\"w\",\"j\",\"00\",\"00000000\",\"00000000\"]", "extranonce2")]
    [TestCase("[\"w\",\"j\",\"00000000\",\"xyz\",\"00000000\"]", "ntime")]
    [TestCase("[\"w\",\"j\",\"00000000\",\"00000000\",\"00000000\",\"123456789\"]", "version")]
    [TestCase("[\"w\"]", "needs worker")]
    public void TryParse_BadSubmitParams_ProblemNamed(string parameters, string problem)
    {
        var request = Parse("{\"id\":1,\"method\":\"mining.submit\",\"params\":" + parameters + "}");

        Assert.That(request.Problem, Does.Contain(problem));
    }

    [TestCase("")]
    [TestCase("[]")]
    [TestCase("{\"id\":1}")]
    [TestCase("{\"id\":1,\"method\":\"x\"} trailing")]
    [TestCase("{\"id\":1,\"method\":\"x\",\"params\":[[[[[[[[[[[[1]]]]]]]]]]]]}")]
    public void TryParse_NotARequest_False(string line)
    {
        var request = new StratumRequest();

        Assert.That(StratumRequestParser.TryParse(Encoding.UTF8.GetBytes(line), 4, request), Is.False);
        Assert.That(request.Problem, Is.Not.Null);
    }

    [Test]
    public void TryParse_Configure_ExtensionsAndParameters()
    {
        var request = Parse("{\"id\":1,\"method\":\"mining.configure\",\"params\":[[\"version-rolling\",\"minimum-difficulty\"],{\"version-rolling.mask\":\"1fffe000\",\"version-rolling.min-bit-count\":2,\"minimum-difficulty.value\":2048}]}");

        Assert.That(request.Extensions, Is.EqualTo(new[] { "version-rolling", "minimum-difficulty" }));
        Assert.That(request.MinerVersionMask, Is.EqualTo(0x1fffe000));
        Assert.That(request.MinBitCount, Is.EqualTo(2));
        Assert.That(request.MinimumDifficulty, Is.EqualTo(2048));
    }

    [Test]
    public void TryParse_UnknownMethod_ParsedAsUnknown()
    {
        Assert.That(Parse("{\"id\":1,\"method\":\"mining.capabilities\",\"params\":[]}").Method, Is.EqualTo(StratumMethod.Unknown));
    }

    [Test]
    public void TryParse_MutatedValidLines_NeverThrows()
    {
        var valid = Encoding.UTF8.GetBytes("{\"id\":1,\"method\":\"mining.submit\",\"params\":[\"a.b\",\"1\",\"00000000\",\"6553f100\",\"00000001\",\"00002000\"]}");
        var random = new Random(7);
        var request = new StratumRequest();
        var outcomes = new HashSet<bool>();
        for (var i = 0; i < 20000; i++)
        {
            var line = (byte[])valid.Clone();
            for (var m = random.Next(1, 4); m > 0; m--)
            {
                line[random.Next(line.Length)] = (byte)random.Next(256);
            }

            var cut = random.Next(2) == 0 ? line.Length : random.Next(line.Length);
            Assert.That(() => outcomes.Add(StratumRequestParser.TryParse(line.AsSpan(0, cut), 4, request)), Throws.Nothing);
        }

        Assert.That(outcomes, Is.EquivalentTo(new[] { true, false }));
    }

    private static StratumRequest Parse(string line)
    {
        var request = new StratumRequest();
        Assert.That(StratumRequestParser.TryParse(Encoding.UTF8.GetBytes(line), 4, request), Is.True, request.Problem);
        return request;
    }
}
