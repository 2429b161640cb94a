using System.Text;
using PiiOrleans.Pii.Detection;
using PiiOrleans.Pii.Evaluation;

namespace PiiOrleans.Tests.Pii.Evaluation;

/// <summary>Label mapping, exact vs overlap matching, and the analyzer on a small presidio-research sample.</summary>
public sealed class SpanEvaluatorTests
{
    [Fact]
    public void PositionsCountCodePointsAsPythonWritesThem()
    {
        // "😀 Bob met Ann": Python puts Bob at 2..5 and Ann at 10..13; in UTF-16 the emoji takes two chars.
        const string json = """[{"full_text":"\ud83d\ude00 Bob met Ann","spans":[{"entity_type":"PERSON","start_position":2,"end_position":5},{"entity_type":"PERSON","start_position":10,"end_position":13}]}]""";
        var sample = PresidioResearchDataset.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "emoji.json").Single();
        Assert.Equal(["Bob", "Ann"], sample.Spans.Select(s => sample.Text[s.Start..s.End]).ToArray());
        Assert.Throws<InvalidDataException>(() => PresidioResearchDataset.Read(
            new MemoryStream(Encoding.UTF8.GetBytes(json.Replace("13}", "14}", StringComparison.Ordinal))), "emoji.json"));
    }

    [Fact]
    public void ExactAndOverlapCountsDiffer()
    {
        var samples = new[] { new LabelledSample("call 555-123-4567 now", [new LabelledSpan(EntityTypes.PhoneNumber, 5, 17)]) };
        var report = SpanEvaluator.Evaluate(samples, _ => [new RecognizerResult(EntityTypes.PhoneNumber, 5, 16, 0.9, "t")]);
        var m = report.For(EntityTypes.PhoneNumber)!;
        Assert.Equal(0.0, m.ExactRecall);
        Assert.Equal(1.0, m.OverlapRecall);
        Assert.Equal(1.0, m.OverlapF2);
        Assert.Contains("PHONE_NUMBER", report.RenderTable());
    }

    [Fact]
    public void WrongTypeIsAFalsePositiveAndAMiss()
    {
        var samples = new[] { new LabelledSample("x 437-84-9201", [new LabelledSpan(EntityTypes.UsSsn, 2, 13)]) };
        var report = SpanEvaluator.Evaluate(samples, _ => [new RecognizerResult(EntityTypes.PhoneNumber, 2, 13, 0.9, "t")],
            new HashSet<string> { EntityTypes.UsSsn, EntityTypes.PhoneNumber });
        Assert.Equal(0.0, report.For(EntityTypes.UsSsn)!.OverlapRecall);
        Assert.Equal(0.0, report.For(EntityTypes.PhoneNumber)!.OverlapPrecision);
    }

    [Fact]
    public void ReaderMapsLabelsAndRejectsBadSpans()
    {
        const string json = """[{"full_text":"visit http://a.de/ at 1 Main St","spans":[{"entity_type":"DOMAIN_NAME","start_position":6,"end_position":18},{"entity_type":"ADDRESS","start_position":22,"end_position":31},{"entity_type":"TITLE","start_position":0,"end_position":5}]}]""";
        var samples = PresidioResearchDataset.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "t.json");
        Assert.Equal([EntityTypes.Url, EntityTypes.Location], samples[0].Spans.Select(s => s.EntityType));
        var bad = Assert.Throws<InvalidDataException>(() => PresidioResearchDataset.Read(
            new MemoryStream(Encoding.UTF8.GetBytes("""[{"full_text":"ab","spans":[{"entity_type":"X","start_position":1,"end_position":9}]}]""")), "bad.json"));
        Assert.Contains("bad.json", bad.Message);
    }

    [Fact]
    public void PatternEntitiesOnTheSampleMeetTheTargets()
    {
        var samples = PresidioResearchDataset.Load(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Pii", "presidio-research-sample.json"));
        var engine = AnalyzerEngine.Create();
        var report = SpanEvaluator.Evaluate(samples, t => engine.Analyze(t));
        foreach (var entity in new[] { EntityTypes.EmailAddress, EntityTypes.CreditCard, EntityTypes.IbanCode, EntityTypes.UsSsn, EntityTypes.IpAddress, EntityTypes.PhoneNumber, EntityTypes.Url })
        {
            var m = report.For(entity);
            Assert.NotNull(m);
            Assert.True(m.Gold > 0, entity);
            Assert.True(m.OverlapRecall >= 0.99 && m.OverlapPrecision >= 0.98, $"{entity}: P={m.OverlapPrecision} R={m.OverlapRecall}");
        }
    }
}
