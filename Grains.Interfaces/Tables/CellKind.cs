namespace PiiOrleans.Grains.Interfaces.Tables;

/// <summary>The SQLite storage class of a cell value.</summary>
public enum CellKind : byte
{
    Null,
    Integer,
    Real,
    Text,
    Blob,
}
