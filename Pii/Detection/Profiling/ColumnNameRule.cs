using System.Text.RegularExpressions;

namespace PiiOrleans.Pii.Detection.Profiling;

/// <summary>
/// "A column whose compacted lower-case name matches <see cref="Name"/> holds <see cref="Entity"/> (null = not PII) when most
/// sampled values pass <see cref="Shape"/>".
/// </summary>
internal sealed record ColumnNameRule(Regex Name, string? Entity, Func<string, bool>? Shape, string Description)
{
    /// <summary>
    /// Longer compacted names are matched by no rule (the column is then judged by its values alone): no real column name
    /// is this long, and the bound keeps the backtracking rules' cost fixed.
    /// </summary>
    public const int MaxNameLength = 128;
}
