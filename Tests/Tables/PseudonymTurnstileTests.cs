using System.Collections.Concurrent;
using System.Collections.Immutable;
using PiiOrleans.Grains.Interfaces.Tables;
using PiiOrleans.Grains.Tables;

namespace PiiOrleans.Tests.Tables;

/// <summary>Pseudonym allocation in batch order: the turnstile itself, and batches finishing their analysis out of order.</summary>
public sealed class PseudonymTurnstileTests
{
    [Fact]
    public async Task TurnsComeInSequenceOrderWhateverOrderTheyAreAskedIn()
    {
        var turnstile = new PseudonymTurnstile();
        var second = turnstile.WaitTurnAsync("t", 2);
        var first = turnstile.WaitTurnAsync("t", 1);

        Assert.True(turnstile.WaitTurnAsync("t", 0).IsCompleted);
        Assert.False(first.IsCompleted);
        Assert.True(turnstile.WaitTurnAsync("other", 0).IsCompleted);

        turnstile.Pass("t", 0);
        await first.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(second.IsCompleted);
        turnstile.Pass("t", 1);
        await second.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task ABatchThatPassesWithoutWaitingDoesNotHoldUpTheNext()
    {
        var turnstile = new PseudonymTurnstile();
        var third = turnstile.WaitTurnAsync("t", 2);

        // Batch 1 failed (or had nothing to allocate) and passed before batch 0 was done.
        turnstile.Pass("t", 1);
        Assert.False(third.IsCompleted);
        turnstile.Pass("t", 0);

        await third.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Throws<InvalidOperationException>(() => { _ = turnstile.WaitTurnAsync("t", 1); });
    }

    [Fact]
    public async Task ClosingFailsTheBatchesStillWaiting()
    {
        var turnstile = new PseudonymTurnstile();
        var waiting = turnstile.WaitTurnAsync("t", 5);

        turnstile.Close();

        await Assert.ThrowsAsync<OperationCanceledException>(() => waiting);
        turnstile.Pass("t", 0);
    }

    [Fact]
    public async Task BatchesAllocateInRowOrderWhenTheirAnalysisFinishesInReverse()
    {
        var engine = new RecordingEngine();
        var turnstile = new PseudonymTurnstile();
        var plans = ImmutableArray.Create(
            new ColumnPlan(0, "email", "TEXT", ColumnTreatment.WholeCell, "EMAIL_ADDRESS", 1, CollisionFree: true),
            new ColumnPlan(1, "bio", "TEXT", ColumnTreatment.FreeText, null, 0, CollisionFree: false));
        var batches = Enumerable.Range(0, 6).Select(s => new TableBatch("job", "t", s, plans,
            [.. Enumerable.Range(0, 3).Select(r => new TableRow(s * 3 + r, [CellValue.FromText($"v{s * 3 + r}"), CellValue.FromText($"wait:{(6 - s) * 25}")]))])).ToList();

        // Later batches analyse faster ("wait:N" sleeps N ms), so without the turnstile they would allocate first.
        var results = await Task.WhenAll(batches.Select(b => Task.Run(() => new BatchAnonymizer(engine).ProcessAsync(b, turnstile))));

        Assert.Equal(Enumerable.Range(0, 18).Select(i => $"v{i}"), engine.Allocations);
        Assert.All(results, r => Assert.Equal(3, r.Statistics.AnonymizedPerColumn[0]));
        Assert.Equal("P:v4", results[1].Rows[1].Cells[0].Text);
    }

    [Fact]
    public async Task AFailingBatchPassesItsTurnAndFails()
    {
        var engine = new RecordingEngine { FailOn = "boom" };
        var turnstile = new PseudonymTurnstile();
        var plans = ImmutableArray.Create(
            new ColumnPlan(0, "email", "TEXT", ColumnTreatment.WholeCell, "EMAIL_ADDRESS", 1, CollisionFree: true),
            new ColumnPlan(1, "bio", "TEXT", ColumnTreatment.FreeText, null, 0, CollisionFree: false));
        TableBatch Batch(int sequence, string bio) => new("job", "t", sequence, plans, [new TableRow(sequence, [CellValue.FromText($"v{sequence}"), CellValue.FromText(bio)])]);

        var anonymizer = new BatchAnonymizer(engine);
        await Assert.ThrowsAsync<InvalidOperationException>(() => anonymizer.ProcessAsync(Batch(0, "boom"), turnstile));
        var next = await anonymizer.ProcessAsync(Batch(1, "fine"), turnstile).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal("P:v1", next.Rows[0].Cells[0].Text);
        Assert.Equal(["v1"], engine.Allocations);
    }

    // Free text "wait:N" takes N ms to analyse; the collision-free column records the order values are allocated in.
    private sealed class RecordingEngine : ITableCellAnonymizer
    {
        private readonly ConcurrentQueue<string> _allocations = new();

        public string? FailOn { get; init; }

        public IReadOnlyList<string> Allocations => [.. _allocations];

        public ColumnPlan PlanColumn(string table, int ordinal, ColumnShape column, IReadOnlyList<string> sample) => throw new NotSupportedException();

        public CellOutcome Anonymize(string text, ColumnPlan column)
        {
            if (column.CollisionFree)
            {
                _allocations.Enqueue(text);
                return new CellOutcome("P:" + text, true, ["EMAIL_ADDRESS"]);
            }

            if (text == FailOn)
            {
                throw new InvalidOperationException("analysis failed");
            }

            return CellOutcome.Unchanged(text);
        }

        public IReadOnlyList<CellOutcome> AnonymizeMany(IReadOnlyList<string> texts, ColumnPlan column)
        {
            foreach (var text in texts.Where(t => t.StartsWith("wait:", StringComparison.Ordinal)))
            {
                Thread.Sleep(int.Parse(text[5..], System.Globalization.CultureInfo.InvariantCulture));
            }

            return [.. texts.Select(t => Anonymize(t, column))];
        }

        public void FindLeaks(string text, string columnName, ICollection<string> leaks)
        {
        }
    }
}
