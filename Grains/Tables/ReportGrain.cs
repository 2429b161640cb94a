using System.Collections.Immutable;
using Orleans;
using PiiOrleans.Grains.Interfaces.Tables;
using PiiOrleans.Tables;

namespace PiiOrleans.Grains.Tables;

/// <summary>Collects a tables job's per-table statistics, phase timings and privacy check (key: job id).</summary>
public sealed class ReportGrain : Grain, IReportGrain
{
    private readonly List<TableProgress> _tables = [];
    private readonly List<KeyValuePair<string, double>> _phases = [];
    private PrivacyCheckResult? _privacy;

    /// <inheritdoc />
    public Task RecordTable(TableProgress table)
    {
        var existing = _tables.FindIndex(t => t.Table == table.Table);
        if (existing >= 0)
        {
            _tables[existing] = table;
        }
        else
        {
            _tables.Add(table);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task RecordPhase(string phase, double seconds)
    {
        _phases.Add(new KeyValuePair<string, double>(phase, seconds));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task RecordPrivacyCheck(PrivacyCheckResult result)
    {
        _privacy = result;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<TablesJobStatistics> GetStatistics() =>
        Task.FromResult(new TablesJobStatistics([.. _tables], [.. _phases], _privacy));
}
