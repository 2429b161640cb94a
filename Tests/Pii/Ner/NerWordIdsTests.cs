using PiiOrleans.Pii.Detection.Ner;

namespace PiiOrleans.Tests.Pii.Ner;

public sealed class NerWordIdsTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("piiorleans-words-").FullName;

    public void Dispose() => Directory.Delete(dir, true);

    [Fact]
    public void LooksWordsUpLowerCasedWithIdsFromOne()
    {
        var words = Load("the\nparis\nmüller\n");
        Assert.Equal(3, words.Count);
        Assert.Equal(1, words.Id("the"));
        Assert.Equal(2, words.Id("PARIS"));
        Assert.Equal(2, words.Id("Paris"));
        Assert.Equal(3, words.Id("Müller"));
        Assert.Equal(0, words.Id("Lyon"));
        Assert.Equal(0, words.Id(""));
        Assert.Equal(0, words.Id(new string('a', 65)));
    }

    [Fact]
    public void EveryPieceOfAWordCarriesTheWordsId()
    {
        var words = Load("heidi\nlives\n");
        const string text = "Heidi lives";
        WordPieceToken[] tokens = [new(10, 0, 3, 0), new(11, 3, 5, 0), new(12, 6, 11, 1)];
        var ids = new int[tokens.Length];
        words.Compute(text, tokens, ids);
        Assert.Equal([1, 1, 2], ids);
    }

    [Fact]
    public void AnEmptyOrRepeatedLineIsAnErrorNamingTheFileAndLine()
    {
        var e = Assert.Throws<NerModelException>(() => Load("the\nthe\n"));
        Assert.Contains("words.txt: line 2", e.Message);
        e = Assert.Throws<NerModelException>(() => Load("the\n\nparis\n"));
        Assert.Contains("line 2", e.Message);
        Assert.Throws<NerModelException>(() => Load(""));
    }

    [Fact]
    public void AModelWithAWordIdsInputNeedsItsWordList()
    {
        Assert.NotNull(ModelFixture.Recognizer.Model.WordIds); // the bundled model holds word vectors
        var copy = ModelFixture.CopyOfBundledModel();
        try
        {
            File.Delete(Path.Combine(copy, NerWordIds.FileName));
            var e = Assert.Throws<NerModelException>(() => NerModel.Load(copy));
            Assert.Contains("words.txt must exist", e.Message);
        }
        finally
        {
            Directory.Delete(copy, true);
        }
    }

    private NerWordIds Load(string content)
    {
        var path = Path.Combine(dir, NerWordIds.FileName);
        File.WriteAllText(path, content);
        return NerWordIds.Load(path);
    }
}
