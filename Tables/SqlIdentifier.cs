namespace PiiOrleans.Tables;

/// <summary>Quotes SQLite identifiers so reserved words, spaces and quotes in names are safe.</summary>
public static class SqlIdentifier
{
    /// <summary>Returns <paramref name="name"/> in double quotes with embedded quotes doubled.</summary>
    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
