using System.Collections.Immutable;

namespace PiiOrleans.Grains.Interfaces.Tables;

/// <summary>The anonymized rows of a <see cref="TableBatch"/> (same order) and what was found in them.</summary>
public sealed record TableBatchResult(long Sequence, ImmutableArray<TableRow> Rows, BatchStatistics Statistics);
