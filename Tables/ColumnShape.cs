namespace PiiOrleans.Tables;

/// <summary>A column as <c>PRAGMA table_xinfo</c> describes it; generated columns cannot be inserted into.</summary>
public sealed record ColumnShape(string Name, string DeclaredType, int PrimaryKeyPosition, bool IsGenerated);
