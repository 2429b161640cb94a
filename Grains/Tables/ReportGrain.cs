using Orleans;
using Orleans.Runtime;
using Orleans.Storage;
using PiiOrleans.Grains.Interfaces.Tables;
using PiiOrleans.Grains.Jobs;
using PiiOrleans.Tables;

namespace PiiOrleans.Grains.Tables;

/// <summary>
/// Collects a tables job's per-table statistics, phase timings and privacy check (key: job id). Persisted on every
/// change: the tables it holds are the job's per-table checkpoints (a resumed job never redoes a recorded table), and
/// the report of a job that resumed on another silo still counts every table.
/// </summary>
public sealed class ReportGrain(
    [PersistentState("report", JobStorage.Name)] IPersistentState<ReportGrainState> state) : Grain, IReportGrain
{
    /// <inheritdoc />
    public async Task RecordTable(TableProgress table)
    {
        var tables = state.State.Tables;
        var existing = tables.FindIndex(t => t.Table == table.Table);
        if (existing >= 0)
        {
            tables[existing] = table;
        }
        else
        {
            tables.Add(table);
        }

        await GuardAsync(state.WriteStateAsync());
    }

    /// <inheritdoc />
    public async Task RecordPhase(string phase, double seconds)
    {
        // A resumed job runs a phase again: the last timing of each phase is kept.
        var phases = state.State.Phases;
        phases.RemoveAll(p => p.Key == phase);
        phases.Add(new KeyValuePair<string, double>(phase, seconds));
        await GuardAsync(state.WriteStateAsync());
    }

    /// <inheritdoc />
    public async Task RecordPrivacyCheck(PrivacyCheckResult result)
    {
        state.State.Privacy = result;
        await GuardAsync(state.WriteStateAsync());
    }

    /// <inheritdoc />
    public Task<TablesJobStatistics> GetStatistics() =>
        Task.FromResult(new TablesJobStatistics([.. state.State.Tables], [.. state.State.Phases], state.State.Privacy));

    /// <inheritdoc />
    public async Task Reset()
    {
        state.State = new ReportGrainState();
        await GuardAsync(state.ClearStateAsync());
    }

    // A refused write (another activation wrote the report since this one read it) leaves this activation's copy out of
    // date for good: it goes away, and the caller's retry (a silo-loss failure) reads the report afresh.
    private async Task GuardAsync(Task write)
    {
        try
        {
            await write;
        }
        catch (InconsistentStateException)
        {
            DeactivateOnIdle();
            throw;
        }
    }
}
