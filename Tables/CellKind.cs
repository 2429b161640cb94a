using Orleans;

namespace PiiOrleans.Tables;

/// <summary>The SQLite storage class of a cell value.</summary>
[GenerateSerializer, Alias("piiorleans.tables.cell-kind")]
public enum CellKind : byte
{
    Null,
    Integer,
    Real,
    Text,
    Blob,
}
