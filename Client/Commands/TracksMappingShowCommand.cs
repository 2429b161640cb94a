using System.CommandLine;
using System.Text;
using PiiOrleans.Grains.Interfaces.Tracks.Mapping;
using PiiOrleans.Grains.Tracks;
using PiiOrleans.Tracks.Mapping;

namespace PiiOrleans.Client.Commands;

/// <summary><c>tracks show-mapping</c>: prints every team and run mapping and the pool statistics of a mapping database (read-only).</summary>
public static class TracksMappingShowCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var mapping = TracksMappingOptions.Mapping();
        var format = TracksMappingOptions.Format();
        var type = new Option<string>("--type", "-t") { Description = "Which mappings to print: teams, runs or all.", DefaultValueFactory = _ => "all" };
        type.AcceptOnlyFromAmong("teams", "runs", "all");
        var command = new Command("show-mapping", "Show the team and run mappings of a mapping database (opened read-only).") { mapping, format, type };
        command.SetAction(parseResult => TracksMappingOptions.Guard(parseResult, () =>
        {
            string text = Render(parseResult.GetRequiredValue(mapping), parseResult.GetRequiredValue(format), parseResult.GetRequiredValue(type));
            parseResult.InvocationConfiguration.Output.Write(text);
            return 0;
        }));
        return command;
    }

    /// <summary>Opens <paramref name="databasePath"/> read-only and renders it as table, json or csv, for teams, runs or all.</summary>
    public static string Render(string databasePath, string format, string type)
    {
        using var store = MappingStore.Open(databasePath, new MappingOpenOptions(ReadOnly: true));
        bool teams = type is "teams" or "all";
        bool runs = type is "runs" or "all";
        var stats = store.GetStatistics();
        return format switch
        {
            "json" => Json(teams ? store.Teams : null, runs ? store.Runs : null, stats),
            "csv" => Csv(teams ? store.Teams : [], runs ? store.Runs : []),
            _ => Table(teams ? store.Teams : null, runs ? store.Runs : null, stats),
        };
    }

    private static IEnumerable<MappingPair> Sorted(IEnumerable<MappingPair> pairs) =>
        pairs.OrderBy(p => p.Original, PythonStringComparer.Instance);

    private static string Table(IReadOnlyList<MappingPair>? teams, IReadOnlyList<MappingPair>? runs, MappingStatistics stats)
    {
        var text = new StringBuilder();
        if (teams is not null)
        {
            Section(text, "Team Mappings:", teams);
        }

        if (runs is not null)
        {
            Section(text, "Run Mappings:", runs);
        }

        text.Append("\nStatistics:\n").Append('-', 40).Append('\n');
        text.Append("  Teams mapped:      ").Append(stats.Teams).Append('\n');
        text.Append("  Runs mapped:       ").Append(stats.Runs).Append('\n');
        text.Append("  Fingerprints:      ").Append(stats.Fingerprints).Append('\n');
        text.Append("  Teams remaining:   ").Append(stats.TeamsRemaining).Append('\n');
        text.Append("  Runs remaining:    ").Append(stats.RunsRemaining).Append('\n');
        return text.ToString();
    }

    private static void Section(StringBuilder text, string title, IReadOnlyList<MappingPair> pairs)
    {
        text.Append('\n').Append(title).Append('\n').Append('-', 40).Append('\n');
        if (pairs.Count == 0)
        {
            text.Append("  (none)\n");
        }

        foreach (var pair in Sorted(pairs))
        {
            text.Append("  ").Append(TracksMappingTextFormat.PadRight(pair.Original, 20)).Append(" -> ").Append(pair.Anonymized).Append('\n');
        }
    }

    private static string Json(IReadOnlyList<MappingPair>? teams, IReadOnlyList<MappingPair>? runs, MappingStatistics stats)
    {
        // Python json.dumps(indent=2) layout, entries in row order, as Track Veil prints them.
        var text = new StringBuilder("{\n");
        if (teams is not null)
        {
            JsonObject(text, "teams", teams);
        }

        if (runs is not null)
        {
            JsonObject(text, "runs", runs);
        }

        text.Append("  \"stats\": {\n");
        text.Append("    \"teams\": ").Append(stats.Teams).Append(",\n");
        text.Append("    \"runs\": ").Append(stats.Runs).Append(",\n");
        text.Append("    \"fingerprints\": ").Append(stats.Fingerprints).Append(",\n");
        text.Append("    \"teams_remaining\": ").Append(stats.TeamsRemaining).Append(",\n");
        text.Append("    \"runs_remaining\": ").Append(stats.RunsRemaining).Append('\n');
        text.Append("  }\n}\n");
        return text.ToString();
    }

    private static void JsonObject(StringBuilder text, string name, IReadOnlyList<MappingPair> pairs)
    {
        text.Append("  \"").Append(name).Append("\": ");
        if (pairs.Count == 0)
        {
            text.Append("{},\n");
            return;
        }

        text.Append("{\n");
        for (int i = 0; i < pairs.Count; i++)
        {
            text.Append("    ").Append(TracksMappingTextFormat.JsonString(pairs[i].Original)).Append(": ")
                .Append(TracksMappingTextFormat.JsonString(pairs[i].Anonymized)).Append(i + 1 < pairs.Count ? ",\n" : "\n");
        }

        text.Append("  },\n");
    }

    private static string Csv(IReadOnlyList<MappingPair> teams, IReadOnlyList<MappingPair> runs)
    {
        var text = new StringBuilder(TracksMappingTextFormat.CsvRecord("type", "original", "anonymized"));
        foreach (var pair in Sorted(teams))
        {
            text.Append(TracksMappingTextFormat.CsvRecord("team", pair.Original, pair.Anonymized));
        }

        foreach (var pair in Sorted(runs))
        {
            text.Append(TracksMappingTextFormat.CsvRecord("run", pair.Original, pair.Anonymized));
        }

        return text.ToString();
    }
}
