using System.Text.Json;
using Pool.Chain.Configuration;
using Pool.Testing;

namespace Pool.Chain.Tests.Configuration;

/// <summary>The sample configs under config/ name only real keys and pass validation.</summary>
public sealed class ChainConfigExamplesTests
{
    [TestCase("pool.litecoin-regtest.json")]
    [TestCase("pool.bitcoin-main.json")]
    public void Example_EveryKeyKnownAndValid(string file)
    {
        var path = RepositoryFiles.Combine("config", file);
        var readerOptions = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip };
        using var document = JsonDocument.Parse(File.ReadAllText(path), readerOptions);
        var section = document.RootElement.GetProperty(ChainOptions.SectionName);
        var known = typeof(ChainOptions).GetProperties().Select(p => p.Name).ToHashSet();

        var unknown = section.EnumerateObject().Select(p => p.Name).Where(name => !known.Contains(name));
        var options = section.Deserialize<ChainOptions>(new JsonSerializerOptions { ReadCommentHandling = JsonCommentHandling.Skip })!;

        Assert.That(unknown, Is.Empty);
        Assert.That(ChainOptionsValidator.Check(options), Is.Empty);
    }
}
