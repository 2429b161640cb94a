using Orleans;
using PiiOrleans.Tables;

namespace PiiOrleans.Grains.Interfaces.Tables;

/// <summary>Aggregates the statistics of one tables job (key: job id) for <c>anonymization_report.json</c>.</summary>
[Alias("piiorleans.tables.report-grain")]
public interface IReportGrain : IGrainWithStringKey
{
    /// <summary>Records (or replaces) the final progress of one table.</summary>
    Task RecordTable(TableProgress table);

    /// <summary>Records how long a phase took, in seconds.</summary>
    Task RecordPhase(string phase, double seconds);

    /// <summary>Records the privacy check.</summary>
    Task RecordPrivacyCheck(PrivacyCheckResult result);

    /// <summary>Everything recorded so far.</summary>
    Task<TablesJobStatistics> GetStatistics();

    /// <summary>Forgets everything (a job that starts its tables from scratch).</summary>
    Task Reset();
}
