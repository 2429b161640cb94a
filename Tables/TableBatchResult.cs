using System.Collections.Immutable;
using Orleans;

namespace PiiOrleans.Tables;

/// <summary>
/// The anonymized rows of a <see cref="TableBatch"/> (same order), what was found in them, and the silo whose batch grain
/// analysed them (for the report's distribution of work; null outside a silo).
/// </summary>
[GenerateSerializer, Immutable, Alias("piiorleans.tables.table-batch-result")]
public sealed record TableBatchResult(long Sequence, ImmutableArray<TableRow> Rows, BatchStatistics Statistics, string? Silo = null);
