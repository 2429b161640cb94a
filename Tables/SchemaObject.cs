namespace PiiOrleans.Tables;

/// <summary>One row of <c>sqlite_master</c>: its type (table, index, view, trigger), names and exact CREATE statement.</summary>
public sealed record SchemaObject(string Type, string Name, string TableName, string Sql);
