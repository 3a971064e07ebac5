using System.Text.Json;

namespace Pool.Stratum.Tests.Support;

/// <summary>Checks on Stratum answers.</summary>
public static class StratumAssert
{
    public static void Accepted(JsonElement response) =>
        Assert.That(response.GetProperty("result").ValueKind, Is.EqualTo(JsonValueKind.True), response.ToString());

    public static void Rejected(JsonElement response, int code, string? messagePart = null)
    {
        var error = response.GetProperty("error");
        Assert.That(error.ValueKind, Is.EqualTo(JsonValueKind.Array), response.ToString());
        Assert.That(error[0].GetInt32(), Is.EqualTo(code), response.ToString());
        if (messagePart is not null)
        {
            Assert.That(error[1].GetString(), Does.Contain(messagePart), response.ToString());
        }
    }
}
