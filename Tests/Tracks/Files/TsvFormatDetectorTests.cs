using PiiOrleans.Grains.Interfaces.Tracks;
using PiiOrleans.Tracks;
using PiiOrleans.Tracks.Formats;

namespace PiiOrleans.Tests.Tracks.Files;

public class TsvFormatDetectorTests
{
    // Spec §9 observed table (BUG-19 row changed: see its own test).
    [Theory]
    [InlineData("map all 0.3|runid all myrun", TsvFormat.TrecEval, "high", "")]
    [InlineData("team1-run1 topic measure 0.1", TsvFormat.Tot, "low", "0")]
    [InlineData("run topic measure value|a 1 m 0.5", TsvFormat.IrMeasures, "high", "0")]
    [InlineData("system query_id score|a 1 0.5", TsvFormat.Ranking, "high", "0")]
    [InlineData("query_id measure value", TsvFormat.TrecEval, "high", "")]
    [InlineData("run_id 1 metric value", TsvFormat.IrMeasures, "medium", "0")]
    [InlineData("a b c|a 1 m 0.5|a 1 m 0.6", TsvFormat.IrMeasures, "medium", "0")]
    [InlineData("1 X d 1 0.5 r", TsvFormat.Unknown, "low", "5")]
    [InlineData("1 q0 d 1 0.5 r", TsvFormat.Unknown, "low", "5")]
    [InlineData("1 2 3 4 5", TsvFormat.Unknown, "low", "")]
    [InlineData("r -1 m 0.5", TsvFormat.IrMeasures, "medium", "0")]
    [InlineData("r 1.0 m 0.5", TsvFormat.Tot, "low", "0")]
    [InlineData("qid Q0 docno rank score run_id|1 Q0 d 1 0.5 r", TsvFormat.Ranking, "high", "5")]
    [InlineData("  |#x|1 Q0 d 1 2 r", TsvFormat.Ranking, "medium", "5")]
    public void Detects_like_the_spec(string lines, TsvFormat format, string confidence, string columns)
    {
        var hint = TsvFormatDetector.Detect(lines.Split('|'));
        Assert.Equal(format, hint.Format);
        Assert.Equal(confidence, hint.Confidence);
        Assert.Equal(columns, string.Join(',', hint.RunIdColumns));
    }

    [Fact]
    public void Bug19_real_trec_eval_output_starting_with_runid_is_trec_eval()
    {
        var hint = TsvFormatDetector.Detect(["runid \tall\tmyrun", "map \tall\t0.3", "P_5 all 0.2"]);
        Assert.Equal(TsvFormat.TrecEval, hint.Format);
        Assert.False(hint.HasHeaderRow);
    }

    [Fact]
    public void Bug18_short_first_row_with_four_typical_columns_does_not_crash()
    {
        // The reference indexes cell[2] of the first row and crashes; we judge by the first 4-column row.
        var hint = TsvFormatDetector.Detect(["x", "r 7 m 0.5", "r 8 m 0.5", "r 9 m 0.5"]);
        Assert.Equal(TsvFormat.IrMeasures, hint.Format);
    }

    [Fact]
    public void Empty_and_comment_only_files_are_unknown()
    {
        Assert.Equal("Empty file", TsvFormatDetector.Detect([]).Reason);
        Assert.Equal("No data rows", TsvFormatDetector.Detect(Enumerable.Repeat("# c", 10).Append("1 Q0 d 1 2 r").ToList()).Reason);
    }

    [Fact]
    public void Bug20_trec_eval_runid_line_is_measure_first()
    {
        Assert.Equal("runid\tall\tweevl", TsvLine.RewriteTrecEvalRunIdLine("runid  all  team1-run1", "weevl"));
        Assert.Null(TsvLine.RewriteTrecEvalRunIdLine("all runid team1-run1", "weevl"));
    }
}
