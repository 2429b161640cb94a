using System.Collections.Immutable;
using Orleans;

namespace PiiOrleans.Tables;

/// <summary>Counters of one batch (or the sum of many): values, rows and entities; per column anonymized counts.</summary>
[GenerateSerializer, Immutable, Alias("piiorleans.tables.batch-statistics")]
public sealed record BatchStatistics(
    long ValuesProcessed,
    long ValuesAnonymized,
    long RowsAnonymized,
    ImmutableDictionary<string, long> EntitiesFound,
    ImmutableArray<long> AnonymizedPerColumn)
{
    /// <summary>No counts, for a table of <paramref name="columnCount"/> columns.</summary>
    public static BatchStatistics Empty(int columnCount) =>
        new(0, 0, 0, ImmutableDictionary<string, long>.Empty, [.. new long[columnCount]]);

    /// <summary>The sum of this and <paramref name="other"/>.</summary>
    public BatchStatistics Add(BatchStatistics other)
    {
        var entities = EntitiesFound.ToBuilder();
        foreach (var (type, count) in other.EntitiesFound)
        {
            entities[type] = entities.GetValueOrDefault(type) + count;
        }

        var perColumn = new long[Math.Max(AnonymizedPerColumn.Length, other.AnonymizedPerColumn.Length)];
        for (var i = 0; i < perColumn.Length; i++)
        {
            perColumn[i] = (i < AnonymizedPerColumn.Length ? AnonymizedPerColumn[i] : 0) +
                           (i < other.AnonymizedPerColumn.Length ? other.AnonymizedPerColumn[i] : 0);
        }

        return new BatchStatistics(ValuesProcessed + other.ValuesProcessed, ValuesAnonymized + other.ValuesAnonymized,
            RowsAnonymized + other.RowsAnonymized, entities.ToImmutable(), [.. perColumn]);
    }
}
