using System.Collections.Immutable;
using Orleans;

namespace PiiOrleans.Tables;

/// <summary>The anonymized rows of a <see cref="TableBatch"/> (same order) and what was found in them.</summary>
[GenerateSerializer, Immutable, Alias("piiorleans.tables.table-batch-result")]
public sealed record TableBatchResult(long Sequence, ImmutableArray<TableRow> Rows, BatchStatistics Statistics);
