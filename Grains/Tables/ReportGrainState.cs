using Orleans;
using PiiOrleans.Tables;

namespace PiiOrleans.Grains.Tables;

/// <summary>What a <see cref="ReportGrain"/> persists: the finished tables, the phase timings and the privacy check.</summary>
[GenerateSerializer, Alias("piiorleans.tables.report-grain-state")]
public sealed class ReportGrainState
{
    /// <summary>The final progress of each finished table, in the order they finished.</summary>
    [Id(0)]
    public List<TableProgress> Tables { get; set; } = [];

    /// <summary>Seconds per phase.</summary>
    [Id(1)]
    public List<KeyValuePair<string, double>> Phases { get; set; } = [];

    /// <summary>The privacy check, once run.</summary>
    [Id(2)]
    public PrivacyCheckResult? Privacy { get; set; }
}
