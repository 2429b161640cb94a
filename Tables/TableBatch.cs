using System.Collections.Immutable;
using Orleans;

namespace PiiOrleans.Tables;

/// <summary>
/// Rows of one table sent to a batch grain, with the column plans that say how to anonymize them and the job's engine
/// (built, or found in the silo's cache, wherever the batch runs).
/// </summary>
[GenerateSerializer, Immutable, Alias("piiorleans.tables.table-batch")]
public sealed record TableBatch(
    string JobId,
    string Table,
    long Sequence,
    ImmutableArray<ColumnPlan> Columns,
    ImmutableArray<TableRow> Rows,
    TablesEngineSpec Engine);
