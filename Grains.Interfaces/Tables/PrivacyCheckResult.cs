using System.Collections.Immutable;

namespace PiiOrleans.Grains.Interfaces.Tables;

/// <summary>
/// The re-scan of the output: mode (sample/full), cells scanned, and the leaks found as "table.column: ENTITY"
/// (counts only, never the values). <see cref="Passed"/> is false when any leak was found.
/// </summary>
public sealed record PrivacyCheckResult(
    string Mode,
    long CellsScanned,
    ImmutableDictionary<string, long> Leaks,
    double ElapsedSeconds)
{
    /// <summary>True when nothing was left in clear.</summary>
    public bool Passed => Leaks.IsEmpty;
}
