using PiiOrleans.Tracks;

namespace PiiOrleans.Tracks.Formats;

/// <summary>The Track Veil names of <see cref="TsvFormat"/> values and their standard run-id columns.</summary>
public static class TsvFormatNames
{
    /// <summary>The name used in prompts and answers (e.g. <c>ir_measures</c>).</summary>
    public static string Name(TsvFormat format) => format switch
    {
        TsvFormat.Tot => "tot",
        TsvFormat.IrMeasures => "ir_measures",
        TsvFormat.TrecEval => "trec_eval",
        TsvFormat.Ranking => "ranking",
        _ => "unknown",
    };

    /// <summary>Parses an answer value; false for anything that is not a format name.</summary>
    public static bool TryParse(string value, out TsvFormat format)
    {
        format = value switch
        {
            "tot" => TsvFormat.Tot,
            "ir_measures" => TsvFormat.IrMeasures,
            "trec_eval" => TsvFormat.TrecEval,
            "ranking" => TsvFormat.Ranking,
            _ => TsvFormat.Unknown,
        };
        return format != TsvFormat.Unknown;
    }

    /// <summary>The standard run-id columns: ranking [5], tot/ir_measures [0], trec_eval none.</summary>
    public static IReadOnlyList<int> StandardColumns(TsvFormat format) => format switch
    {
        TsvFormat.Ranking => [5],
        TsvFormat.Tot or TsvFormat.IrMeasures => [0],
        _ => [],
    };
}
