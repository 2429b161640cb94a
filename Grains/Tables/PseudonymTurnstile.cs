namespace PiiOrleans.Grains.Tables;

/// <summary>
/// Lets the batches of a table allocate pseudonyms one at a time in batch order, whatever order the workers finish
/// their analysis in. A surrogate that is already taken sends a value on to its next candidate, and fake pools that
/// fill up suffix an allocation number: both depend on which value asked first. Allocating in row order makes a job's
/// output a function of its input (a re-run gives the same file) while detection stays parallel.
/// Every batch passes its turn exactly once (<see cref="Pass"/>), whether or not it waited and whether or not it failed.
/// </summary>
public sealed class PseudonymTurnstile
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TableTurns> _tables = new(StringComparer.Ordinal);
    private bool _closed;

    /// <summary>Completes when every batch of <paramref name="table"/> before <paramref name="sequence"/> has passed.</summary>
    public Task WaitTurnAsync(string table, long sequence)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            var turns = TurnsOf(table);
            if (turns.Next == sequence)
            {
                return Task.CompletedTask;
            }

            if (sequence < turns.Next || turns.Waiting.ContainsKey(sequence))
            {
                throw new InvalidOperationException($"Batch {sequence} of table {table} already had its turn.");
            }

            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            turns.Waiting.Add(sequence, waiter);
            return waiter.Task;
        }
    }

    /// <summary>Marks batch <paramref name="sequence"/> of <paramref name="table"/> done and wakes the next one in order.</summary>
    public void Pass(string table, long sequence)
    {
        TaskCompletionSource? wake = null;
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            var turns = TurnsOf(table);
            turns.Passed.Add(sequence);
            while (turns.Passed.Remove(turns.Next))
            {
                turns.Next++;
            }

            if (turns.Waiting.Remove(turns.Next, out var waiter))
            {
                wake = waiter;
            }
        }

        wake?.TrySetResult();
    }

    /// <summary>Ends the job: batches still waiting fail instead of waiting for turns that will never come.</summary>
    public void Close()
    {
        List<TaskCompletionSource> waiting;
        lock (_gate)
        {
            _closed = true;
            waiting = [.. _tables.Values.SelectMany(t => t.Waiting.Values)];
            _tables.Clear();
        }

        foreach (var waiter in waiting)
        {
            waiter.TrySetException(new OperationCanceledException("The tables job ended before this batch's turn to allocate pseudonyms."));
        }
    }

    private TableTurns TurnsOf(string table)
    {
        if (!_tables.TryGetValue(table, out var turns))
        {
            turns = new TableTurns();
            _tables.Add(table, turns);
        }

        return turns;
    }

    private sealed class TableTurns
    {
        public long Next { get; set; }

        // Batches that passed out of order (a later one finished first, or one failed before waiting).
        public HashSet<long> Passed { get; } = [];

        public Dictionary<long, TaskCompletionSource> Waiting { get; } = [];
    }
}
