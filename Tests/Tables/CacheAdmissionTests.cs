using System.Collections.Immutable;
using PiiOrleans.Grains.Interfaces.Tables;
using PiiOrleans.Grains.Tables;
using PiiOrleans.Pii.Engine;
using PiiOrleans.Tables;

namespace PiiOrleans.Tests.Tables;

/// <summary>Columns whose values never repeat are not cached (their entries would only feed the GC); repeating ones are.</summary>
public sealed class CacheAdmissionTests
{
    [Fact]
    public void PausesAfterAWindowWithoutHitsAndProbesAgainAfterThePause()
    {
        var admission = new CacheAdmission(window: 100, minimumHits: 5, pauseWindows: 3);
        for (var i = 0; i < 100; i++)
        {
            Assert.True(admission.Admit());
            admission.Record(hit: i % 50 == 0); // 2 hits: below the minimum
        }

        Assert.True(admission.Paused);
        Assert.Equal(300, Enumerable.Range(0, 300).Count(_ => !admission.Admit()));
        Assert.False(admission.Paused);
        Assert.True(admission.Admit()); // the probe window
    }

    [Fact]
    public void KeepsCachingWhileValuesRepeat()
    {
        var admission = new CacheAdmission(window: 100, minimumHits: 5, pauseWindows: 3);
        for (var i = 0; i < 10_000; i++)
        {
            Assert.True(admission.Admit());
            admission.Record(hit: i % 10 == 0);
        }

        Assert.False(admission.Paused);
    }

    [Fact]
    public void ResumesCachingWhenAColumnStartsRepeating()
    {
        var admission = new CacheAdmission(window: 10, minimumHits: 2, pauseWindows: 1);
        var admitted = 0;
        for (var i = 0; i < 1000; i++)
        {
            if (admission.Admit())
            {
                admitted++;
                admission.Record(hit: i >= 500);
            }
        }

        Assert.InRange(admitted, 500 / 2, 1000 - 1); // paused about half the time while nothing repeated
        Assert.False(admission.Paused); // repeating values keep it on
    }

    [Fact]
    public void BatchWorkersStopCachingUniqueValuesButStillCacheRepeatedOnes()
    {
        var engine = new CountingAnonymizer();
        var anonymizer = new BatchAnonymizer(engine, cacheCapacity: 100_000);
        var plans = ImmutableArray.Create(
            new ColumnPlan(0, "email", "TEXT", ColumnTreatment.WholeCell, "EMAIL_ADDRESS", 1.0, false),
            new ColumnPlan(1, "locale", "TEXT", ColumnTreatment.WholeCell, "LOCATION", 1.0, false));
        const int rows = 5 * CacheAdmission.DefaultWindow;
        var batch = new TableBatch("job", "t", 0, plans, [.. Enumerable.Range(0, rows).Select(i => new TableRow(i + 1,
            [CellValue.FromText($"user{i}@example.org"), CellValue.FromText("loc" + (i % 7))]))], TablesEngineSpec.Create(null, null, "input.db"));

        var result = anonymizer.Process(batch);

        // Every value was anonymized as before: caching changes the work, never the output.
        for (var i = 0; i < rows; i++)
        {
            Assert.Equal($"<{i}>@example.org", result.Rows[i].Cells[0].Text);
            Assert.Equal("loc" + (i % 7), result.Rows[i].Cells[1].Text);
        }

        Assert.Equal(rows, engine.Calls["email"]);          // unique: one engine call each, whatever the cache does
        Assert.Equal(7, engine.Calls["locale"]);            // repeated: each distinct value once
    }

    private sealed class CountingAnonymizer : ITableCellAnonymizer
    {
        public Dictionary<string, int> Calls { get; } = new(StringComparer.Ordinal);

        public ColumnPlan PlanColumn(string table, int ordinal, ColumnShape column, IReadOnlyList<string> sample) =>
            throw new NotSupportedException();

        public CellOutcome Anonymize(string text, ColumnPlan column)
        {
            Calls[column.Name] = Calls.GetValueOrDefault(column.Name) + 1;
            return new CellOutcome(text.Replace("user", "<", StringComparison.Ordinal).Replace("@", ">@", StringComparison.Ordinal), true,
                [column.EntityType!]);
        }

        public void FindLeaks(string text, string columnName, ICollection<string> leaks)
        {
        }
    }
}
