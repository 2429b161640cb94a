using System.Collections.Immutable;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Data.Sqlite;
using PiiOrleans.Grains.Interfaces.Tables;

namespace PiiOrleans.Grains.Tables;

/// <summary>
/// Copies one table from the input into the prepared output: reads rows in rowid order in batches, dispatches them for
/// anonymization with a bounded number in flight, and writes the results back in the original order with a plain
/// INSERT (the table's own PRIMARY KEY/UNIQUE constraints detect collisions; the copy then restarts with the colliding
/// columns switched to consistent pseudonyms). The logic of <c>TableGrain</c>; single-threaded.
/// </summary>
public sealed class TableCopier : IDisposable
{
    private const int ConstraintError = 19;
    private const int SampleRows = 1000;
    private const int SampleValuesPerColumn = 100;
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    private readonly TableWork _work;
    private readonly ITableCellAnonymizer _engine;
    private readonly Func<TableBatch, Task<TableBatchResult>> _dispatch;
    private readonly SqliteConnection _input;
    private readonly SqliteConnection _output;
    private readonly TableShape _shape;
    private readonly ImmutableArray<ColumnShape> _columns;
    private readonly bool _selectRowId;
    private readonly Queue<Task<TableBatchResult>> _inFlight = new();
    private readonly SortedSet<string> _collisionColumns = new(StringComparer.Ordinal);
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();
    private readonly long _rowsTotal;
    private ImmutableArray<ColumnPlan> _plans;
    private SqliteCommand? _select;
    private SqliteDataReader? _reader;
    private SqliteCommand _insert;
    private SqliteParameter[] _parameters;
    private SqliteTransaction? _transaction;
    private BatchStatistics _statistics;
    private long _sequence;
    private long _rowsWritten;
    private bool _readerDone;
    private bool _done;

    private TableCopier(TableWork work, ITableCellAnonymizer engine, Func<TableBatch, Task<TableBatchResult>> dispatch)
    {
        _work = work;
        _engine = engine;
        _dispatch = dispatch;
        _input = SqliteConnections.OpenInput(work.InputPath);
        try
        {
            _output = SqliteConnections.OpenOutput(work.OutputPath);
            _shape = DatabaseSchema.ReadTableShape(_input, work.Table);
            _columns = [.. _shape.Columns.Where(c => !c.IsGenerated)];
            _selectRowId = _shape.HasRowId && _shape.IntegerPrimaryKeyOrdinal < 0;
            _rowsTotal = CountRows();
            _plans = PlanColumns();
            _statistics = BatchStatistics.Empty(_columns.Length);
            (_insert, _parameters) = PrepareInsert();
            OpenReader();
        }
        catch
        {
            _output?.Dispose();
            _input.Dispose();
            throw;
        }
    }

    /// <summary>The current progress.</summary>
    public TableProgress Progress => new(_work.Table, _rowsTotal, _rowsWritten, _done, _plans, [.. _collisionColumns],
        _statistics, _elapsed.Elapsed.TotalSeconds);

    /// <summary>Opens the table described by <paramref name="work"/>; batches go to <paramref name="dispatch"/>.</summary>
    public static TableCopier Open(TableWork work, ITableCellAnonymizer engine, Func<TableBatch, Task<TableBatchResult>> dispatch)
    {
        try
        {
            return new TableCopier(work, engine, dispatch);
        }
        catch (SqliteException ex)
        {
            throw new TablesPipelineException($"Table {SqlIdentifier.Quote(work.Table)}: cannot open it for copying ({ex.Message}). " +
                                              "Check that the input is a readable SQLite database.", ex);
        }
    }

    /// <summary>Copies rows for about one slice of time; returns the progress (<see cref="TableProgress.Done"/> at the end).</summary>
    public async Task<TableProgress> ProcessNextAsync(CancellationToken cancellationToken = default)
    {
        if (_done)
        {
            return Progress;
        }

        var deadline = Stopwatch.GetTimestamp() + (long)(_work.SliceMilliseconds / 1000.0 * Stopwatch.Frequency);
        _transaction ??= _output.BeginTransaction();
        _insert.Transaction = _transaction;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            FillInFlight();
            if (_inFlight.Count == 0)
            {
                _transaction.Commit();
                _transaction.Dispose();
                _transaction = null;
                _done = true;
                DisposeReader();
                return Progress;
            }

            var result = await _inFlight.Dequeue().ConfigureAwait(false);
            var collision = Write(result);
            if (collision is not null)
            {
                await RestartWithCollisionFreeColumnsAsync(collision).ConfigureAwait(false);
                _transaction = _output.BeginTransaction();
                _insert.Transaction = _transaction;
                continue;
            }

            if (Stopwatch.GetTimestamp() >= deadline)
            {
                break;
            }
        }

        _transaction.Commit();
        _transaction.Dispose();
        _transaction = null;
        return Progress;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        DisposeReader();
        _transaction?.Dispose();
        _insert.Dispose();
        _output.Dispose();
        _input.Dispose();
    }

    private long CountRows()
    {
        using var command = _input.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {SqlIdentifier.Quote(_work.Table)}";
        return (long)command.ExecuteScalar()!;
    }

    private ImmutableArray<ColumnPlan> PlanColumns()
    {
        var samples = _columns.Select(_ => new List<string>()).ToArray();
        using (var command = _input.CreateCommand())
        {
            command.CommandText = $"SELECT {ColumnList()} FROM {SqlIdentifier.Quote(_work.Table)} LIMIT {SampleRows}";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                for (var c = 0; c < _columns.Length; c++)
                {
                    if (samples[c].Count < SampleValuesPerColumn && reader.GetValue(c) is string text && text.Length > 0)
                    {
                        samples[c].Add(text);
                    }
                }
            }
        }

        var plans = new ColumnPlan[_columns.Length];
        for (var c = 0; c < _columns.Length; c++)
        {
            var column = _columns[c];
            plans[c] = c == RowIdColumnOrdinal()
                ? new ColumnPlan(c, column.Name, column.DeclaredType, ColumnTreatment.PassThrough, null, 1.0, false)
                : _engine.PlanColumn(_work.Table, c, column, samples[c]) with { Ordinal = c };
        }

        return [.. plans];
    }

    // INTEGER PRIMARY KEY is the rowid itself: a surrogate key that must stay an integer, so it is copied as is.
    private int RowIdColumnOrdinal() =>
        _shape.IntegerPrimaryKeyOrdinal < 0 ? -1 : _columns.IndexOf(_shape.Columns[_shape.IntegerPrimaryKeyOrdinal]);

    private string ColumnList() => string.Join(", ", _columns.Select(c => SqlIdentifier.Quote(c.Name)));

    private (SqliteCommand, SqliteParameter[]) PrepareInsert()
    {
        var names = _columns.Select(c => SqlIdentifier.Quote(c.Name)).ToList();
        if (_selectRowId)
        {
            names.Insert(0, _shape.RowIdName);
        }

        var command = _output.CreateCommand();
        var placeholders = string.Join(", ", Enumerable.Range(0, names.Count).Select(i => "$p" + i));
        command.CommandText = $"INSERT INTO {SqlIdentifier.Quote(_work.Table)} ({string.Join(", ", names)}) VALUES ({placeholders})";
        var parameters = new SqliteParameter[names.Count];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = command.CreateParameter();
            parameters[i].ParameterName = "$p" + i;
            command.Parameters.Add(parameters[i]);
        }

        command.Prepare();
        return (command, parameters);
    }

    private void OpenReader()
    {
        _select = _input.CreateCommand();
        var rowId = _selectRowId ? _shape.RowIdName + ", " : "";
        var order = _shape.HasRowId ? " ORDER BY " + (_selectRowId ? _shape.RowIdName : SqlIdentifier.Quote(_columns[RowIdColumnOrdinal()].Name)) : "";
        _select.CommandText = $"SELECT {rowId}{ColumnList()} FROM {SqlIdentifier.Quote(_work.Table)}{order}";
        _reader = _select.ExecuteReader();
        _readerDone = false;
    }

    private void DisposeReader()
    {
        _reader?.Dispose();
        _reader = null;
        _select?.Dispose();
        _select = null;
    }

    private void FillInFlight()
    {
        while (!_readerDone && _inFlight.Count < Math.Max(1, _work.MaxInFlightBatches))
        {
            var rows = ReadRows();
            if (rows.Length == 0)
            {
                _readerDone = true;
                break;
            }

            _inFlight.Enqueue(_dispatch(new TableBatch(_work.JobId, _work.Table, _sequence++, _plans, rows)));
        }
    }

    private ImmutableArray<TableRow> ReadRows()
    {
        var reader = _reader!;
        var offset = _selectRowId ? 1 : 0;
        var rows = ImmutableArray.CreateBuilder<TableRow>(_work.BatchSize);
        while (rows.Count < _work.BatchSize && reader.Read())
        {
            long? rowId = _selectRowId ? reader.GetInt64(0)
                : _shape.IntegerPrimaryKeyOrdinal >= 0 && !reader.IsDBNull(RowIdColumnOrdinal()) ? reader.GetInt64(RowIdColumnOrdinal()) : null;
            var cells = new CellValue[_columns.Length];
            for (var c = 0; c < cells.Length; c++)
            {
                cells[c] = reader.GetValue(c + offset) switch
                {
                    long integer => CellValue.FromInteger(integer),
                    double real => CellValue.FromReal(real),
                    string text => CellValue.FromText(CheckUtf8(reader, c + offset, text, c, rowId, rows.Count)),
                    byte[] blob => CellValue.FromBlob(blob),
                    _ => CellValue.Null,
                };
            }

            rows.Add(new TableRow(rowId, ImmutableCollectionsMarshal.AsImmutableArray(cells)));
        }

        return rows.Count == rows.Capacity ? rows.MoveToImmutable() : rows.ToImmutable();
    }

    // SQLite does not validate encodings and the decoder replaces bad bytes silently; a U+FFFD is the only cheap hint.
    private string CheckUtf8(SqliteDataReader reader, int ordinal, string text, int column, long? rowId, int rowInBatch)
    {
        if (!text.Contains('\uFFFD', StringComparison.Ordinal))
        {
            return text;
        }

        try
        {
            StrictUtf8.GetString(reader.GetFieldValue<byte[]>(ordinal));
            return text;
        }
        catch (DecoderFallbackException)
        {
            var where = rowId is { } id ? $"rowid {id}" : $"row {_sequence * _work.BatchSize + rowInBatch + 1}";
            throw new TablesPipelineException(
                $"Table {SqlIdentifier.Quote(_work.Table)}, column {SqlIdentifier.Quote(_columns[column].Name)}, {where}: the text is not valid UTF-8. " +
                "Re-encode the database as UTF-8 (or store such values as BLOB) and run again.");
        }
    }

    /// <summary>Writes the rows; returns the colliding column names when a PRIMARY KEY/UNIQUE constraint fails.</summary>
    private string[]? Write(TableBatchResult result)
    {
        var offset = _selectRowId ? 1 : 0;
        foreach (var row in result.Rows)
        {
            if (_selectRowId)
            {
                _parameters[0].Value = row.RowId!.Value;
            }

            for (var c = 0; c < row.Cells.Length; c++)
            {
                _parameters[c + offset].Value = row.Cells[c].ToParameterValue();
            }

            try
            {
                _insert.ExecuteNonQuery();
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode == ConstraintError && ex.SqliteExtendedErrorCode is 2067 or 1555)
            {
                return ConstraintColumns(ex.Message);
            }
            catch (SqliteException ex)
            {
                var where = row.RowId is { } id ? $"rowid {id}" : $"row {_rowsWritten + 1}";
                throw new TablesPipelineException(
                    $"Table {SqlIdentifier.Quote(_work.Table)}, {where}: the anonymized row cannot be written ({ConstraintText(ex.Message)}). " +
                    "Relax the constraint or choose an operator whose output satisfies it for this column.", ex);
            }

            _rowsWritten++;
        }

        _statistics = _statistics.Add(result.Statistics);
        return null;
    }

    private static string ConstraintText(string message)
    {
        var start = message.IndexOf('\'', StringComparison.Ordinal);
        var end = message.LastIndexOf('\'');
        return start >= 0 && end > start ? message[(start + 1)..end] : message;
    }

    private string[] ConstraintColumns(string message)
    {
        const string marker = "constraint failed: ";
        var text = ConstraintText(message);
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return [];
        }

        var prefix = _work.Table + ".";
        return [.. text[(at + marker.Length)..].Split(", ").Select(part => part.StartsWith(prefix, StringComparison.Ordinal) ? part[prefix.Length..] : part)];
    }

    private async Task RestartWithCollisionFreeColumnsAsync(string[] colliding)
    {
        bool Switchable(ColumnPlan plan) => plan.Treatment != ColumnTreatment.PassThrough && !plan.CollisionFree;
        var named = _plans.Where(p => Switchable(p) && colliding.Contains(p.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        if (named.Count == 0)
        {
            // An expression index names no columns: every anonymized column under a uniqueness constraint is switched.
            named = [.. _plans.Where(p => Switchable(p) && _shape.UniqueColumns.Contains(p.Name, StringComparer.OrdinalIgnoreCase))];
        }

        if (named.Count == 0)
        {
            throw new TablesPipelineException(
                $"Table {SqlIdentifier.Quote(_work.Table)}: rows collide on a PRIMARY KEY/UNIQUE constraint ({string.Join(", ", colliding)}) " +
                "even with collision-free pseudonyms. Check the input for duplicate keys.");
        }

        foreach (var plan in named)
        {
            _collisionColumns.Add(plan.Name);
        }

        // Drain what is in flight (computed under the old plans), undo this table's rows and start over.
        while (_inFlight.Count > 0)
        {
            try
            {
                await _inFlight.Dequeue().ConfigureAwait(false);
            }
            catch (Exception)
            {
                // The batch is discarded anyway; its failure would repeat and surface on the next pass.
            }
        }

        _transaction!.Rollback();
        _transaction.Dispose();
        _transaction = null;
        using (var delete = _output.CreateCommand())
        {
            delete.CommandText = $"DELETE FROM {SqlIdentifier.Quote(_work.Table)}";
            delete.ExecuteNonQuery();
        }

        _plans = [.. _plans.Select(p => named.Contains(p) ? p with { CollisionFree = true } : p)];
        _statistics = BatchStatistics.Empty(_columns.Length);
        _rowsWritten = 0;
        _sequence = 0;
        DisposeReader();
        OpenReader();
    }
}
