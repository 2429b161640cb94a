using Orleans;
using PiiOrleans.Tables;

namespace PiiOrleans.Grains.Interfaces.Tables;

/// <summary>
/// Copies one table (key <c>jobId/table</c>): profiles its columns, streams its rows to batch workers and writes the
/// results in the original order. Work is done in slices so that no single call runs longer than the call timeout.
/// </summary>
[Alias("piiorleans.tables.table-grain")]
public interface ITableGrain : IGrainWithStringKey
{
    /// <summary>Opens the input and output and decides the column plans; returns the initial progress.</summary>
    Task<TableProgress> Open(TableWork work);

    /// <summary>Copies rows for about one slice; call until <see cref="TableProgress.Done"/>.</summary>
    Task<TableProgress> ProcessNext();

    /// <summary>Releases the connections (also done on deactivation).</summary>
    Task Close();
}
