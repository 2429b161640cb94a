using PiiOrleans.Pii.Detection.Ner;

namespace PiiOrleans.Tests.Pii.Ner;

public sealed class NerSpanDecoderTests
{
    private static readonly NerLabelSet Bio = NerLabelSet.FromLabels(["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"]);

    // One token per word; each token gets probability 0.9 on the named label.
    private static List<NerSpan> Decode(string text, NerLabelSet labels, params (int Start, int End, string Label)[] tokens)
    {
        var toks = tokens.Select((t, i) => new WordPieceToken(5, t.Start, t.End, i)).ToArray();
        var probs = new float[toks.Length * labels.Count];
        for (var i = 0; i < tokens.Length; i++)
        {
            var id = labels.Labels.ToList().IndexOf(tokens[i].Label);
            for (var k = 0; k < labels.Count; k++)
            {
                probs[(i * labels.Count) + k] = k == id ? 0.9f : 0.1f / (labels.Count - 1);
            }
        }

        var spans = new List<NerSpan>();
        NerSpanDecoder.Decode(text, toks, probs, labels, 0.3, spans);
        return spans;
    }

    [Fact]
    public void BioLabelsFormSpansAndMapToOurEntityNames()
    {
        var spans = Decode("Heidi Müller lives in Amsterdam.", Bio, (0, 5, "B-PER"), (6, 12, "I-PER"), (13, 18, "O"), (19, 21, "O"), (22, 31, "B-LOC"), (31, 32, "O"));
        Assert.Equal(2, spans.Count);
        Assert.Equal(("PERSON", 0, 12), (spans[0].EntityType, spans[0].Start, spans[0].End));
        Assert.Equal(("LOCATION", 22, 31), (spans[1].EntityType, spans[1].Start, spans[1].End));
        Assert.InRange(spans[0].Score, 0.9, 0.92); // B-PER 0.9 + I-PER 0.0125
    }

    [Fact]
    public void AnInsideLabelOfAnotherTypeDoesNotSplitAName()
    {
        // Word 2 leans I-ORG (0.45) over I-PER (0.40): per-word argmax made "Anna" a PERSON and "Kowalska" an
        // ORGANIZATION; the path cannot put I-ORG after B-PER, so the name stays one PERSON span.
        var toks = new[] { new WordPieceToken(5, 0, 4, 0), new WordPieceToken(5, 5, 13, 1) };
        var probs = new float[2 * Bio.Count];
        probs[Bio.Labels.ToList().IndexOf("B-PER")] = 0.9f;
        probs[0] = 0.1f;
        probs[Bio.Count + Bio.Labels.ToList().IndexOf("I-ORG")] = 0.45f;
        probs[Bio.Count + Bio.Labels.ToList().IndexOf("I-PER")] = 0.40f;
        probs[Bio.Count] = 0.15f;
        var spans = new List<NerSpan>();

        NerSpanDecoder.Decode("Anna Kowalska", toks, probs, Bio, 0.3, spans);

        Assert.Equal(("PERSON", 0, 13), (spans.Single().EntityType, spans.Single().Start, spans.Single().End));
    }

    [Fact]
    public void AnInsideLabelAfterOStillOpensASpan()
    {
        var spans = Decode("met Kowalska", Bio, (0, 3, "O"), (4, 12, "I-PER"));
        Assert.Equal(("PERSON", 4, 12), (spans.Single().EntityType, spans.Single().Start, spans.Single().End));
    }

    [Fact]
    public void NamesJoinAcrossInWordPunctuationEvenWhenThePunctuationIsTaggedO()
    {
        var spans = Decode("Jean-Luc O'Brien", Bio, (0, 4, "B-PER"), (4, 5, "O"), (5, 8, "B-PER"), (9, 10, "I-PER"), (10, 11, "O"), (11, 16, "B-PER"));
        Assert.Single(spans);
        Assert.Equal((0, 16), (spans[0].Start, spans[0].End));
    }

    [Fact]
    public void SeparateNamesStaySeparate()
    {
        // "Ann, Bob" — the comma is not in-word punctuation, and a B- after whitespace starts a new person.
        var spans = Decode("Ann, Bob Cy", Bio, (0, 3, "B-PER"), (3, 4, "O"), (5, 8, "B-PER"), (9, 11, "B-PER"));
        Assert.Equal([(0, 3), (5, 8), (9, 11)], spans.Select(s => (s.Start, s.End)).ToArray());
        // A trailing full stop is not part of the name.
        var end = Decode("Ask Ann.", Bio, (0, 3, "O"), (4, 7, "B-PER"), (7, 8, "O"));
        Assert.Equal((4, 7), (end.Single().Start, end.Single().End));
    }

    [Fact]
    public void IoLabelsAndUnknownTypesAreHandled()
    {
        var io = NerLabelSet.FromLabels(["O", "PER", "LOC"]);
        var spans = Decode("Ivan Petrov Moscow", io, (0, 4, "PER"), (5, 11, "PER"), (12, 18, "LOC"));
        Assert.Equal([("PERSON", 0, 11), ("LOCATION", 12, 18)], spans.Select(s => (s.EntityType, s.Start, s.End)).ToArray());
        // MISC is not mapped to any of our entities: nothing is reported.
        Assert.Empty(Decode("Olympics", Bio, (0, 8, "B-MISC")));
        Assert.Equal(["LOCATION", "ORGANIZATION", "PERSON"], Bio.Types);
    }

    [Fact]
    public void SubWordProbabilitiesAreAveragedPerWord()
    {
        var labels = NerLabelSet.FromLabels(["O", "B-PER", "I-PER"]);
        var toks = new[] { new WordPieceToken(5, 0, 3, 0), new WordPieceToken(6, 3, 6, 0) };
        // First piece leans O, second strongly PER: the word as a whole is a person.
        float[] probs = [0.6f, 0.4f, 0f, 0.0f, 1.0f, 0f];
        var spans = new List<NerSpan>();
        NerSpanDecoder.Decode("Kowals", toks, probs, labels, 0.3, spans);
        Assert.Equal(("PERSON", 0, 6), (spans.Single().EntityType, spans.Single().Start, spans.Single().End));
        Assert.InRange(spans.Single().Score, 0.69, 0.71);
    }
}
