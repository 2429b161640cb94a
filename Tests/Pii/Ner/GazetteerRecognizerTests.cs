using PiiOrleans.Pii.Detection;
using PiiOrleans.Pii.Detection.Ner;

namespace PiiOrleans.Tests.Pii.Ner;

public sealed class GazetteerRecognizerTests
{
    private static readonly Lazy<Gazetteer> Lists = new(() => Gazetteer.Load(Path.Combine(ModelFixture.Directory, "gazetteer")));

    private static List<(string Type, string Value, double Score)> Analyze(string text, bool besideModel = false)
    {
        var results = new List<RecognizerResult>();
        new GazetteerRecognizer(Lists.Value, besideModel).Analyze(text, RecognitionRequest.Default, results);
        return results.Select(r => (r.EntityType, text[r.Start..r.End], r.Score)).ToList();
    }

    [Fact]
    public void ListsAreLoadedFromTheBundledModel()
    {
        Assert.True(Lists.Value.FirstNameCount > 5000);
        Assert.True(Lists.Value.LastNameCount > 5000);
        Assert.Equal(Gazetteer.PlaceKind.Country, Lists.Value.MatchPlace("Russia"));
        Assert.Equal(Gazetteer.PlaceKind.City, Lists.Value.MatchPlace("Amsterdam"));
        Assert.NotEqual(Gazetteer.PlaceKind.None, Lists.Value.MatchPlace("São Paulo")); // a city and a state
        Assert.Equal(Gazetteer.PlaceKind.None, Lists.Value.MatchPlace("Monday"));
    }

    [Fact]
    public void FindsNamePairsAndPlacesWithContext()
    {
        var found = Analyze("Heidi Müller lives in Amsterdam.");
        Assert.Contains(found, f => f is ("PERSON", "Heidi Müller", _));
        var place = Assert.Single(found, f => f.Type == "LOCATION");
        Assert.Equal("Amsterdam", place.Value);
        Assert.True(place.Score > 0.6, "'lives in' raises the score");
    }

    [Fact]
    public void TitlesMakeUnknownCapitalisedWordsNames()
    {
        var found = Analyze("Please call Dr. Zyxwvut tomorrow.");
        Assert.Equal([("PERSON", "Zyxwvut")], found.Select(f => (f.Type, f.Value)).ToArray());
    }

    [Fact]
    public void MultiWordPlacesUseTheLongestMatch()
    {
        var found = Analyze("She moved from New York to São Paulo.");
        Assert.Equal(["New York", "São Paulo"], found.Where(f => f.Type == "LOCATION").Select(f => f.Value).ToArray());
    }

    [Fact]
    public void CommonCapitalisedWordsAndLowerCaseTextAreIgnored()
    {
        Assert.Empty(Analyze("The Board will meet on Monday in May."));
        Assert.Empty(Analyze("heidi müller lives in amsterdam"));
    }

    [Fact]
    public void BesideTheModelALoneKnownNameCountsOnlyInCellLikeTexts()
    {
        const string Prose = "He won a Golden Globe award last year";
        Assert.Contains(Analyze(Prose), f => f is ("PERSON", "Golden", _));
        Assert.DoesNotContain(Analyze(Prose, besideModel: true), f => f.Type == "PERSON");
        Assert.Contains(Analyze("Owner Venus", besideModel: true), f => f is ("PERSON", "Venus", _));
        // Pairs, titles and context words still count in running text.
        Assert.Contains(Analyze("Yesterday Heidi Müller won a Golden Globe award", besideModel: true), f => f is ("PERSON", "Heidi Müller", _));
        Assert.Contains(Analyze("Please call Dr. Zyxwvut tomorrow about the Golden Globe", besideModel: true), f => f is ("PERSON", "Zyxwvut", _));
    }

    [Fact]
    public void BesideTheModelACityNeedsContextInRunningText()
    {
        const string Prose = "They won the Phoenix cup again this year";
        Assert.Contains(Analyze(Prose), f => f is ("LOCATION", "Phoenix", _));
        Assert.DoesNotContain(Analyze(Prose, besideModel: true), f => f.Type == "LOCATION");
        // Context, countries and cell-like texts still count.
        Assert.Contains(Analyze("She moved to Phoenix again this year", besideModel: true), f => f is ("LOCATION", "Phoenix", _));
        Assert.Contains(Analyze("They played France again this year", besideModel: true), f => f is ("LOCATION", "France", _));
        Assert.Contains(Analyze("Phoenix", besideModel: true), f => f is ("LOCATION", "Phoenix", _));
    }

    [Theory]
    [InlineData("Battery", true)]
    [InlineData("COOL", true)]
    [InlineData("Mark", false)]
    [InlineData("Royal", false)]
    [InlineData("Zoolander", false)]
    public void KnowsEnglishWordsThatAreNoNames(string word, bool expected) => Assert.Equal(expected, Lists.Value.IsEnglishWordNotName(word));

    [Theory]
    [InlineData("Smith", true)]
    [InlineData("BUSH", true)]
    [InlineData("Brown", true)]
    [InlineData("Battery", false)]
    [InlineData("Zoolander", false)]
    public void KnowsFrequentSurnamesThatAreWords(string word, bool expected)
    {
        Assert.True(Lists.Value.SurnameWordCount > 300);
        Assert.Equal(expected, Lists.Value.IsSurnameWord(word));
    }
}
