using PiiOrleans.Pii.Detection.Ner;

namespace PiiOrleans.Tests.Pii.Ner;

public sealed class WordPieceTokenizerTests
{
    private static WordPieceTokenizer Tokenizer(bool lowerCase = false, params string[] extra)
    {
        var path = Path.Combine(Path.GetTempPath(), "piiorleans-vocab-" + Guid.NewGuid().ToString("N") + ".txt");
        string[] vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "Heidi", "M", "##ü", "##ller", "lives", "in", "Amsterdam", ".", "O",
            "'", "Brien", "-", "São", "Paulo", "mü", "##l", "##le", "##r", "##ler", .. extra];
        File.WriteAllLines(path, vocab);
        try
        {
            return WordPieceTokenizer.FromVocabFile(path, lowerCase);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static List<(string Piece, int Word)> Pieces(WordPieceTokenizer t, string text)
    {
        var tokens = new List<WordPieceToken>();
        t.Tokenize(text, tokens);
        return tokens.Select(x => (x.Id == t.UnknownId ? "[UNK]:" + text[x.Start..x.End] : text[x.Start..x.End], x.Word)).ToList();
    }

    [Fact]
    public void SplitsWordsAndPiecesWithExactOffsetsForDiacritics()
    {
        var t = Tokenizer();
        var pieces = Pieces(t, "Heidi Müller lives in Amsterdam.");
        Assert.Equal([("Heidi", 0), ("M", 1), ("ü", 1), ("ller", 1), ("lives", 2), ("in", 3), ("Amsterdam", 4), (".", 5)], pieces);
    }

    [Fact]
    public void PunctuationIsItsOwnWordAndUnknownWordsBecomeUnk()
    {
        var t = Tokenizer();
        Assert.Equal([("O", 0), ("'", 1), ("Brien", 2), ("-", 3), ("[UNK]:Xyz", 4)], Pieces(t, "O'Brien -Xyz"));
        Assert.Equal([("São", 0), ("Paulo", 1)], Pieces(t, "  São\tPaulo\n"));
    }

    [Fact]
    public void SurrogatePairsAndControlCharactersKeepOffsetsAligned()
    {
        var t = Tokenizer();
        var text = "😀 Heidi\u0001in";
        var tokens = new List<WordPieceToken>();
        t.Tokenize(text, tokens);
        Assert.Equal(3, tokens.Count);
        Assert.Equal(t.UnknownId, tokens[0].Id);
        Assert.Equal("😀", text[tokens[0].Start..tokens[0].End]);
        Assert.Equal("Heidi", text[tokens[1].Start..tokens[1].End]);
        Assert.Equal("in", text[tokens[2].Start..tokens[2].End]);
    }

    [Fact]
    public void UncasedModelsFoldCaseAndAccentsForLookupOnly()
    {
        var t = Tokenizer(lowerCase: true);
        var text = "MÜLLER";
        var tokens = new List<WordPieceToken>();
        t.Tokenize(text, tokens);
        // Folding gives "muller": "mü" no longer matches and there is no "mu", so the word is unknown.
        Assert.Single(tokens);
        Assert.Equal(t.UnknownId, tokens[0].Id);
        var t2 = Tokenizer(true, "mu");
        tokens.Clear();
        t2.Tokenize(text, tokens);
        Assert.Equal(["MÜ", "LLER"], tokens.Select(x => text[x.Start..x.End]).ToArray());
    }

    [Fact]
    public void ReadsHuggingFaceTokenizerJson()
    {
        var path = Path.Combine(Path.GetTempPath(), "piiorleans-tokenizer-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, """{"normalizer":{"type":"BertNormalizer","lowercase":false},"model":{"type":"WordPiece","vocab":{"[PAD]":0,"[UNK]":1,"[CLS]":2,"[SEP]":3,"Ivan":4,"Pet":5,"##rov":6}}}""");
        try
        {
            var t = WordPieceTokenizer.FromTokenizerJson(path);
            var tokens = new List<WordPieceToken>();
            t.Tokenize("Ivan Petrov", tokens);
            Assert.Equal([4, 5, 6], tokens.Select(x => x.Id).ToArray());
            Assert.Equal([0, 1, 1], tokens.Select(x => x.Word).ToArray());
            Assert.False(t.LowerCase);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void VocabularyWithoutSpecialTokensIsRejectedWithTheFileName()
    {
        var path = Path.Combine(Path.GetTempPath(), "piiorleans-badvocab-" + Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllLines(path, ["a", "b"]);
        try
        {
            var e = Assert.Throws<NerModelException>(() => WordPieceTokenizer.FromVocabFile(path, false));
            Assert.Contains(Path.GetFileName(path), e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
