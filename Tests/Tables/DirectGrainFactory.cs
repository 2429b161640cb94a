using System.Collections.Concurrent;
using PiiOrleans.Grains.Interfaces.Tables;
using PiiOrleans.Grains.Reports;
using PiiOrleans.Grains.Tables;
using PiiOrleans.Runtime;

namespace PiiOrleans.Tests.Tables;

/// <summary>
/// Test double for the grain factory: table "grains" run <see cref="TableCopier"/> with batches anonymized on the
/// thread pool (as the stateless workers would), one report grain per key. Exercises the pipeline without a silo.
/// </summary>
internal sealed class DirectGrainFactory(ITableCellAnonymizer engine) : IGrainFactory
{
    private readonly ConcurrentDictionary<string, ReportGrain> _reports = new();

    public TGrainInterface GetGrain<TGrainInterface>(string key) where TGrainInterface : IGrainWithStringKey
    {
        object grain = typeof(TGrainInterface) == typeof(ITableGrain) ? new DirectTableGrain(engine)
            : typeof(TGrainInterface) == typeof(IReportGrain) ? _reports.GetOrAdd(key, _ => new ReportGrain())
            : throw new NotSupportedException(typeof(TGrainInterface).Name);
        return (TGrainInterface)grain;
    }

    private sealed class DirectTableGrain(ITableCellAnonymizer engine) : ITableGrain
    {
        private TableCopier? _copier;

        public Task<TableProgress> Open(TableWork work)
        {
            _copier = TableCopier.Open(work, engine, batch => Task.Run(() => new BatchAnonymizer(engine).Process(batch)));
            return Task.FromResult(_copier.Progress);
        }

        public Task<TableProgress> ProcessNext() => _copier!.ProcessNextAsync();

        public Task Close()
        {
            _copier?.Dispose();
            return Task.CompletedTask;
        }
    }
}
