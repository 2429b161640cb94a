using PiiOrleans.Pii.Detection.Ner;

namespace PiiOrleans.Tests.Pii.Ner;

public sealed class AddressComponentSplitterTests
{
    private static string[] Split(string text, string type = "LOCATION")
    {
        var output = new List<NerSpan>();
        AddressComponentSplitter.Split(text, new NerSpan(type, 0, text.Length, 0.8), output);
        Assert.All(output, s => Assert.Equal(type, s.EntityType));
        Assert.All(output, s => Assert.Equal(0.8, s.Score));
        return output.Select(s => text[s.Start..s.End]).ToArray();
    }

    [Theory]
    [InlineData("78 Camiño Ancho 91", new[] { "78", "Camiño Ancho 91" })]
    [InlineData("20 1432 Gemsbok St, Bakone", new[] { "20", "1432 Gemsbok St", "Bakone" })]
    [InlineData("Dallas TX 48486", new[] { "Dallas", "TX", "48486" })]
    [InlineData("Gabon 66298", new[] { "Gabon", "66298" })]
    [InlineData("Kirkland WA 98033-1234", new[] { "Kirkland", "WA", "98033-1234" })]
    [InlineData("Moscow, Russia", new[] { "Moscow", "Russia" })]
    [InlineData("39 Laugarvegur 77 Apt. 787", new[] { "39", "Laugarvegur 77", "Apt. 787" })]
    [InlineData("98 lahof 26 suite 300, las vegas, turkey 43686", new[] { "98", "lahof 26", "suite 300", "las vegas", "turkey", "43686" })]
    [InlineData("Hafnafjörður nan 60644", new[] { "Hafnafjörður", "60644" })]
    [InlineData("Piroska u. 97.", new[] { "Piroska u. 97." })]
    public void SplitsAnAddressIntoItsComponents(string text, string[] expected) => Assert.Equal(expected, Split(text));

    [Theory]
    [InlineData("Amsterdam")]
    [InlineData("São Paulo")]
    [InlineData("FPO AE 37876")]
    [InlineData("Unit 8505 Box 3866")]
    [InlineData("P.O. Box 4021")]
    [InlineData("12 Box 7")]
    public void KeepsAPlaceOrAMilitaryOrBoxLineWhole(string text) => Assert.Equal([text], Split(text));

    [Fact]
    public void LeavesOtherEntitiesAlone() => Assert.Equal(["Jane Roe, 42"], Split("Jane Roe, 42", "PERSON"));

    [Fact]
    public void ComponentOffsetsPointIntoTheText()
    {
        const string text = "Send it to 16 Grosse Str. 20, Apt. 936, Nußdorf BY 72721 please";
        const string address = "16 Grosse Str. 20, Apt. 936, Nußdorf BY 72721";
        var start = text.IndexOf(address, StringComparison.Ordinal);
        var output = new List<NerSpan>();
        AddressComponentSplitter.Split(text, new NerSpan("LOCATION", start, start + address.Length, 0.9), output);
        Assert.Equal(["16", "Grosse Str. 20", "Apt. 936", "Nußdorf", "BY", "72721"], output.Select(s => text[s.Start..s.End]));
    }
}
