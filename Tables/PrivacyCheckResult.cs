using System.Collections.Immutable;
using Orleans;

namespace PiiOrleans.Tables;

/// <summary>
/// The re-scan of the output: mode (sample/full), cells scanned, and the leaks found as "table.column: ENTITY"
/// (counts only, never the values). <see cref="Passed"/> is false when any leak was found.
/// </summary>
[GenerateSerializer, Immutable, Alias("piiorleans.tables.privacy-check-result")]
public sealed record PrivacyCheckResult(
    string Mode,
    long CellsScanned,
    ImmutableDictionary<string, long> Leaks,
    double ElapsedSeconds)
{
    /// <summary>True when nothing was left in clear.</summary>
    public bool Passed => Leaks.IsEmpty;
}
