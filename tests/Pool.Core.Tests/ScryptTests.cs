using Pool.Core.Hashing;

namespace Pool.Core.Tests;

public class ScryptTests
{
    // RFC 7914 section 12, second vector, with r and p forced to 1 is not published; the first vector uses N=16, r=1, p=1.
    [Test]
    public void Hash_Rfc7914EmptyVector_MatchesPublishedOutput()
    {
        var output = new byte[64];
        Scrypt.Hash([], [], 16, output);
        Assert.That(Convert.ToHexStringLower(output), Is.EqualTo(
            "77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442" +
            "fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906"));
    }
}
