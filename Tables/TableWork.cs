using Orleans;

namespace PiiOrleans.Tables;

/// <summary>
/// What a table grain copies: the table of <see cref="InputPath"/> into the already created table of
/// <see cref="OutputPath"/>, in batches of <see cref="BatchSize"/> rows with at most <see cref="MaxInFlightBatches"/>
/// batches being anonymized at once; each <c>ProcessNext</c> call works for about <see cref="SliceMilliseconds"/>.
/// The output is committed every <see cref="RowsPerCommit"/> rows (never by time, so a re-run gives the same bytes);
/// <see cref="Engine"/> builds the job's engine on whichever silo the work lands. Without <see cref="WriteRows"/> the
/// table is analysed (pseudonyms allocated, statistics gathered) but nothing is written: a resumed job does that for a
/// table it finds already written whose completion it had not recorded.
/// </summary>
[GenerateSerializer, Immutable, Alias("piiorleans.tables.table-work")]
public sealed record TableWork(
    string JobId,
    string Table,
    string InputPath,
    string OutputPath,
    int BatchSize,
    int MaxInFlightBatches,
    int SliceMilliseconds,
    int RowsPerCommit,
    TablesEngineSpec Engine,
    bool WriteRows = true);
