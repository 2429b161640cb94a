namespace PiiOrleans.Tables;

/// <summary>A column of a table, compared without regard to case as SQLite compares identifiers.</summary>
public readonly record struct TableColumn(string Table, string Column)
{
    /// <summary>True when <paramref name="other"/> names the same column.</summary>
    public bool Equals(TableColumn other) =>
        string.Equals(Table, other.Table, StringComparison.OrdinalIgnoreCase) && string.Equals(Column, other.Column, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(Table), StringComparer.OrdinalIgnoreCase.GetHashCode(Column));

    /// <inheritdoc />
    public override string ToString() => $"{Table}.{Column}";
}
