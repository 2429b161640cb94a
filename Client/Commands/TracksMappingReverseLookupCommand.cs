using System.CommandLine;
using PiiOrleans.Grains.Interfaces.Tracks.Mapping;
using PiiOrleans.Grains.Tracks;
using PiiOrleans.Tracks.Mapping;

namespace PiiOrleans.Client.Commands;

/// <summary><c>tracks reverse-lookup</c>: finds the original of a pseudonym: <c>T042</c>, <c>koala</c> or a compound <c>T042-koala</c>.</summary>
public static class TracksMappingReverseLookupCommand
{
    private static readonly char[] Separators = ['-', '_', '.'];

    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var mapping = TracksMappingOptions.Mapping();
        var value = new Argument<string>("ANONYMIZED_VALUE") { Description = "A team pseudonym (T042), a run pseudonym (koala) or both joined by '-', '_' or '.'." };
        var command = new Command("reverse-lookup", "Find the original team and/or run of a pseudonym (opened read-only).") { mapping, value };
        command.SetAction(parseResult => TracksMappingOptions.Guard(parseResult, () =>
        {
            var (text, found) = Lookup(parseResult.GetRequiredValue(mapping), parseResult.GetRequiredValue(value));
            (found ? parseResult.InvocationConfiguration.Output : parseResult.InvocationConfiguration.Error).WriteLine(text);
            return 0;
        }));
        return command;
    }

    /// <summary>
    /// Track Veil's algorithm (spec §1.4): split at the first of <c>-</c>, <c>_</c>, <c>.</c> found (in that order) into team and
    /// run; else a team, else a run pseudonym. Returns the line to print and whether it goes to stdout (false: not found, stderr).
    /// </summary>
    public static (string Text, bool Found) Lookup(string databasePath, string value)
    {
        using var store = MappingStore.Open(databasePath, new MappingOpenOptions(ReadOnly: true));
        var teams = Invert(store.Teams);
        var runs = Invert(store.Runs);
        foreach (char separator in Separators)
        {
            int at = value.IndexOf(separator, StringComparison.Ordinal);
            if (at >= 0)
            {
                string team = teams.GetValueOrDefault(value[..at]) ?? "???";
                string run = runs.GetValueOrDefault(value[(at + 1)..]) ?? "???";
                return ($"{value} -> {team}{separator}{run}", true);
            }
        }

        if (teams.TryGetValue(value, out var originalTeam))
        {
            return ($"{value} (team) -> {originalTeam}", true);
        }

        if (runs.TryGetValue(value, out var originalRun))
        {
            return ($"{value} (run) -> {originalRun}", true);
        }

        return ($"No mapping found for: {value}", false);
    }

    private static Dictionary<string, string> Invert(IReadOnlyList<MappingPair> pairs)
    {
        var inverse = new Dictionary<string, string>(pairs.Count, StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            inverse.TryAdd(pair.Anonymized, pair.Original);
        }

        return inverse;
    }
}
