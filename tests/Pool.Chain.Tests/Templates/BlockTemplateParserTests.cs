using System.Text.Json;
using System.Text.Json.Nodes;
using Pool.Chain.Templates;
using Pool.Chain.Tests.Support;

namespace Pool.Chain.Tests.Templates;

public sealed class BlockTemplateParserTests
{
    [TestCase("bits")]
    [TestCase("height")]
    [TestCase("previousblockhash")]
    [TestCase("coinbasevalue")]
    [TestCase("curtime")]
    [TestCase("version")]
    [TestCase("transactions")]
    public void TryParse_MissingField_NamesIt(string field)
    {
        var json = RecordedTemplate();
        json.Remove(field);

        var parsed = BlockTemplateParser.TryParse(Element(json), out _, out var error);

        Assert.That(parsed, Is.False);
        Assert.That(error, Does.Contain(field));
    }

    [Test]
    public void TryParse_TransactionWithBadHex_NamesTransaction()
    {
        var json = RecordedTemplate();
        json["transactions"]![0]!["data"] = "zz";

        Assert.That(BlockTemplateParser.TryParse(Element(json), out _, out var error), Is.False);
        Assert.That(error, Does.Contain("transactions[0].data"));
    }

    [Test]
    public void TryParse_ShortPreviousHash_SaysSo()
    {
        var json = RecordedTemplate();
        json["previousblockhash"] = "abcd";

        Assert.That(BlockTemplateParser.TryParse(Element(json), out _, out var error), Is.False);
        Assert.That(error, Does.Contain("32-byte"));
    }

    [Test]
    public void TryParse_WrongTypes_ClearErrors()
    {
        var json = RecordedTemplate();
        json["coinbasevalue"] = "lots";
        Assert.That(BlockTemplateParser.TryParse(Element(json), out _, out var error), Is.False);
        Assert.That(error, Does.Contain("coinbasevalue"));

        Assert.That(BlockTemplateParser.TryParse(JsonDocument.Parse("[1,2]").RootElement, out _, out error), Is.False);
        Assert.That(error, Does.Contain("not an object"));
    }

    [Test]
    public void Parse_RecordedMwebTemplate_ReadsEveryPart()
    {
        var template = BlockTemplateParser.Parse(Element(RecordedTemplate()));

        Assert.That(template.Height, Is.EqualTo(432));
        Assert.That(template.Transactions, Has.Count.EqualTo(2));
        Assert.That(template.ExtensionBlock, Is.Not.Null.And.Not.Empty);
        Assert.That(template.WitnessCommitment![..6], Is.EqualTo(Convert.FromHexString("6a24aa21a9ed")));
        Assert.That(template.Bits, Is.EqualTo(0x207fffffu));
        Assert.That(Convert.ToHexStringLower(template.PreviousBlockHashBytes.Reverse().ToArray()), Is.EqualTo(template.PreviousBlockHash));
    }

    private static JsonObject RecordedTemplate() =>
        JsonNode.Parse(RecordedBlock.Load("litecoin-regtest-432-2tx-mweb.json").Template.GetRawText())!.AsObject();

    private static JsonElement Element(JsonObject json) => JsonDocument.Parse(json.ToJsonString()).RootElement;
}
