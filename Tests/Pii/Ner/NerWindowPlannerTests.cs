using PiiOrleans.Pii.Detection;
using PiiOrleans.Pii.Detection.Ner;

namespace PiiOrleans.Tests.Pii.Ner;

public sealed class NerWindowPlannerTests
{
    private static WordPieceToken[] Tokens(string text)
    {
        var tokens = new List<WordPieceToken>();
        ModelFixture.Recognizer.Model.Tokenizer.Tokenize(text, tokens);
        return [.. tokens];
    }

    private static List<NerWindow> Plan(string text, WordPieceToken[] tokens, int capacity, int overlap = 4)
    {
        var windows = new List<NerWindow>();
        NerWindowPlanner.Plan(text, tokens, 7, capacity, overlap, windows);
        return windows;
    }

    // Every token is owned by exactly one window, in order, and each window is a row the model can take.
    private static void AssertCovers(List<NerWindow> windows, int count, int capacity)
    {
        var next = 0;
        foreach (var w in windows)
        {
            Assert.Equal(7, w.Text);
            Assert.InRange(w.Length, 1, capacity);
            Assert.Equal(next, w.OwnedStart);
            Assert.True(w.Start <= w.OwnedStart && w.OwnedStart < w.OwnedEnd && w.OwnedEnd <= w.End);
            next = w.OwnedEnd;
        }

        Assert.Equal(count, next);
    }

    private static string WindowText(string text, WordPieceToken[] tokens, NerWindow w) =>
        text[tokens[w.Start].Start..tokens[w.End - 1].End];

    [Fact]
    public void ATextThatFitsIsOneWindowEvenWithSeveralSentences()
    {
        const string text = "Call me. Anna Berg lives in Oslo. She works at Equinor.";
        var tokens = Tokens(text);
        var windows = Plan(text, tokens, 62);
        Assert.Equal([new NerWindow(7, 0, tokens.Length, 0, tokens.Length)], windows);
    }

    [Fact]
    public void ALongTextIsOneWindowPerSentence()
    {
        string[] sentences =
        [
            "Anna Berg was born in Bergen in 1970.", "She studied law at the University of Oslo.",
            "Later she moved to Stockholm with her husband, Lars Nilsson.", "They run a small bakery near the harbour.",
            "Mr. Nilsson bakes the bread at No. 5 Storgatan.", "Their daughter, Ingrid, works for the Red Cross in Geneva!",
        ];
        var text = string.Join(' ', sentences);
        var tokens = Tokens(text);
        const int capacity = 30;
        Assert.True(tokens.Length > capacity * 2);
        var windows = Plan(text, tokens, capacity);
        AssertCovers(windows, tokens.Length, capacity);
        // One window per sentence, none cut inside: "Mr." and "No." do not end a sentence.
        Assert.Equal(sentences, windows.Select(w => WindowText(text, tokens, w)));
        Assert.All(windows, w => Assert.Equal((w.Start, w.End), (w.OwnedStart, w.OwnedEnd)));
    }

    [Fact]
    public void ASentenceLongerThanAWindowIsCutIntoOverlappingWindows()
    {
        var text = "Short one. Items " + string.Join(", ", Enumerable.Range(1, 40).Select(i => "item " + i)) + " and more. Done now.";
        var tokens = Tokens(text);
        const int capacity = 20;
        var windows = Plan(text, tokens, capacity, overlap: 6);
        AssertCovers(windows, tokens.Length, capacity);
        Assert.Equal("Short one.", WindowText(text, tokens, windows[0]));
        Assert.Equal("Done now.", WindowText(text, tokens, windows[^1]));
        var inner = windows.Skip(1).SkipLast(1).ToList();
        Assert.True(inner.Count >= 3);
        for (var k = 1; k < inner.Count; k++)
        {
            Assert.True(inner[k].Start < inner[k - 1].End, "consecutive windows inside one sentence overlap");
            Assert.True(inner[k].OwnedStart > inner[k].Start, "a window inside a long sentence leaves its first tokens to the previous one");
        }
    }

    [Fact]
    public void LineBreaksAndNumbersAfterAFullStopDoNotCut()
    {
        // An address block: its lines need each other, so it is cut like one sentence (overlapping windows).
        var text = string.Join('\n', Enumerable.Range(1, 12).Select(i => $"Jane Doe {i}\nApt. {i}\n{i} High Street\nLeeds"));
        var tokens = Tokens(text);
        var windows = Plan(text, tokens, 40, overlap: 8);
        AssertCovers(windows, tokens.Length, 40);
        Assert.All(windows.Skip(1), w => Assert.True(w.OwnedStart > w.Start));
    }

    [Fact]
    public void TheRecognizerFindsInALongTextTheNamesItFindsInEachSentence()
    {
        string[] sentences =
        [
            "Heidi Müller lives in Amsterdam with her two children.", "Ivan Petrov from Moscow, Russia, visited her last spring.",
            "They met Alice Smith, a software engineer living in New York.", "Dave Kim, a nurse from Boston, joined them in Paris.",
            "Later the four of them travelled by train to Vienna and Prague.",
        ];
        var text = string.Join(' ', sentences);
        Assert.True(Tokens(text).Length > NerSettings.Default.MaxTokens, "the text must be longer than one window");
        var whole = Spans(text, 0);
        var bySentence = new List<(string, int, int)>();
        var offset = 0;
        foreach (var sentence in sentences)
        {
            bySentence.AddRange(Spans(sentence, offset));
            offset += sentence.Length + 1;
        }

        Assert.Contains(("PERSON", text.IndexOf("Alice Smith", StringComparison.Ordinal), text.IndexOf("Alice Smith", StringComparison.Ordinal) + 11), whole);
        Assert.Equal(bySentence.Order(), whole.Order());
    }

    private static List<(string Type, int Start, int End)> Spans(string text, int offset)
    {
        var results = new List<RecognizerResult>();
        ModelFixture.Recognizer.Analyze(text, RecognitionRequest.Default, results);
        return [.. results.Select(r => (r.EntityType, r.Start + offset, r.End + offset))];
    }
}
