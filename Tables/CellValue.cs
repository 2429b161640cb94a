using Orleans;

namespace PiiOrleans.Tables;

/// <summary>One cell as SQLite stored it: the storage class and the value of that class (immutable).</summary>
[GenerateSerializer, Immutable, Alias("piiorleans.tables.cell-value")]
public readonly record struct CellValue(CellKind Kind, long Integer, double Real, string? Text, byte[]? Blob)
{
    /// <summary>The SQL NULL.</summary>
    public static CellValue Null => default;

    /// <summary>An INTEGER cell.</summary>
    public static CellValue FromInteger(long value) => new(CellKind.Integer, value, 0, null, null);

    /// <summary>A REAL cell.</summary>
    public static CellValue FromReal(double value) => new(CellKind.Real, 0, value, null, null);

    /// <summary>A TEXT cell.</summary>
    public static CellValue FromText(string value) => new(CellKind.Text, 0, 0, value, null);

    /// <summary>A BLOB cell.</summary>
    public static CellValue FromBlob(byte[] value) => new(CellKind.Blob, 0, 0, null, value);

    /// <summary>The value for a SQLite parameter (DBNull for NULL).</summary>
    public object ToParameterValue() => Kind switch
    {
        CellKind.Integer => Integer,
        CellKind.Real => Real,
        CellKind.Text => Text!,
        CellKind.Blob => Blob!,
        _ => DBNull.Value,
    };

    /// <summary>The value as text for analysis (numbers in invariant culture), or null for NULL and BLOB cells.</summary>
    public string? AsAnalysableText() => Kind switch
    {
        CellKind.Text => Text,
        CellKind.Integer => Integer.ToString(System.Globalization.CultureInfo.InvariantCulture),
        CellKind.Real => Real.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };
}
