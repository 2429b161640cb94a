using System.Collections.Immutable;

namespace PiiOrleans.Tables;

/// <summary>
/// The engine of one tables job plus the configuration facts the report repeats (the old report's
/// <c>pipeline_config</c> and <c>presidio_config</c> sections).
/// </summary>
public sealed record TablesEngineSetup(
    ITableCellAnonymizer Anonymizer,
    bool Enabled,
    int BatchSize,
    bool ParallelProcessing,
    int NumWorkers,
    ImmutableArray<string> EnabledEntities,
    string NlpModel,
    ImmutableArray<string> SupportedLanguages)
{
    /// <summary>Whether the engine runs a NER model (then the model, not SQLite, bounds the job's speed).</summary>
    public bool UsesNerModel { get; init; }
}
