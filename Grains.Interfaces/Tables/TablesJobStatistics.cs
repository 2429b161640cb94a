using System.Collections.Immutable;

namespace PiiOrleans.Grains.Interfaces.Tables;

/// <summary>What the report grain has aggregated: tables in processing order, phase timings, the privacy check.</summary>
public sealed record TablesJobStatistics(
    ImmutableArray<TableProgress> Tables,
    ImmutableArray<KeyValuePair<string, double>> Phases,
    PrivacyCheckResult? PrivacyCheck);
