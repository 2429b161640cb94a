using System.Collections.Immutable;
using Orleans;

namespace PiiOrleans.Tables;

/// <summary>What the report grain has aggregated: tables in processing order, phase timings, the privacy check.</summary>
[GenerateSerializer, Immutable, Alias("piiorleans.tables.tables-job-statistics")]
public sealed record TablesJobStatistics(
    ImmutableArray<TableProgress> Tables,
    ImmutableArray<KeyValuePair<string, double>> Phases,
    PrivacyCheckResult? PrivacyCheck);
