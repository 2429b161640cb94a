using System.Collections.Immutable;

namespace PiiOrleans.Tables;

/// <summary>
/// Columns that hold the same values across tables — a declared FOREIGN KEY and the column it references, or a
/// same-named column whose values all occur in another table's unique column — and so must be anonymized alike:
/// the same original must become the same output in every member, or JOINs and <c>PRAGMA foreign_key_check</c> break.
/// <see cref="Referenced"/> is the member the others point at; <see cref="Description"/> names columns, never values.
/// </summary>
public sealed record ColumnLinkGroup(
    ImmutableArray<TableColumn> Members,
    TableColumn Referenced,
    string Description);
