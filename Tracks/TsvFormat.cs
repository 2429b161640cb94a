using Orleans;

namespace PiiOrleans.Tracks;

/// <summary>Whitespace-separated file formats of a track export (spec §9); the names are the answer values.</summary>
[GenerateSerializer, Alias("piiorleans.tracks.tsv-format")]
public enum TsvFormat
{
    /// <summary>Not recognised; the file needs an answer or is skipped.</summary>
    Unknown,
    /// <summary><c>{run} {measure} {topic} {value}</c>, run id in column 0.</summary>
    Tot,
    /// <summary><c>{run} {topic} {measure} {value}</c>, run id in column 0.</summary>
    IrMeasures,
    /// <summary><c>{measure} {topic} {value}</c>; only the <c>runid all {name}</c> line names the run.</summary>
    TrecEval,
    /// <summary><c>{topic} Q0 {doc} {rank} {score} {run}</c>, run id in column 5.</summary>
    Ranking,
}
