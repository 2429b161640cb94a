using Orleans;

namespace PiiOrleans.Tables;

/// <summary>How the cells of a column are anonymized, decided once per table by column profiling.</summary>
[GenerateSerializer, Alias("piiorleans.tables.column-treatment")]
public enum ColumnTreatment : byte
{
    /// <summary>Values are copied unchanged (generated columns, INTEGER PRIMARY KEY row ids).</summary>
    PassThrough,

    /// <summary>Text is scanned for entity spans and only the spans are replaced.</summary>
    FreeText,

    /// <summary>The column holds one entity; every non-empty cell is replaced whole with that entity's operator.</summary>
    WholeCell,
}
