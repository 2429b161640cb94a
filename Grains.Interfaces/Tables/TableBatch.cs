using System.Collections.Immutable;

namespace PiiOrleans.Grains.Interfaces.Tables;

/// <summary>Rows of one table sent to a batch worker, with the column plans that say how to anonymize them.</summary>
public sealed record TableBatch(
    string JobId,
    string Table,
    long Sequence,
    ImmutableArray<ColumnPlan> Columns,
    ImmutableArray<TableRow> Rows);
