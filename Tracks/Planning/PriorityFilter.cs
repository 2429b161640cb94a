using PiiOrleans.Tracks.Json;

namespace PiiOrleans.Tracks.Planning;

/// <summary>
/// <c>--priority P</c> (spec §3.7): keeps runs whose metadata <c>std-priority</c> equals P. File names map to runtags by
/// longest known prefix. Lines that are not JSON objects are skipped instead of crashing (BUG-9).
/// </summary>
public sealed class PriorityFilter
{
    private readonly string _priority;
    private readonly Dictionary<string, string> _priorities;
    private readonly RunIdPrefixIndex _runtags;

    private PriorityFilter(string priority, Dictionary<string, string> priorities)
    {
        _priority = priority;
        _priorities = priorities;
        _runtags = new RunIdPrefixIndex(priorities.Keys);
    }

    /// <summary>The runtags whose priority equals the filter text.</summary>
    public IReadOnlySet<string> IncludedRuns => _priorities.Where(p => p.Value == _priority).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>Number of runtags with priority information.</summary>
    public int KnownRuns => _priorities.Count;

    /// <summary>Builds the filter from the metadata files (the last occurrence of a runtag wins).</summary>
    public static PriorityFilter Build(string priority, IEnumerable<string> metadataFiles)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string path in metadataFiles)
        {
            foreach (string raw in File.ReadLines(path))
            {
                string line = raw.Trim();
                if (line.Length == 0)
                {
                    continue;
                }

                object? parsed;
                try
                {
                    parsed = PyJsonReader.Parse(line);
                }
                catch (PyJsonException)
                {
                    continue;
                }

                if (parsed is PyJsonObject o && o.GetValueOrDefault("runtag") is string tag && tag.Length > 0)
                {
                    // A non-string priority never equals the filter text.
                    map[tag] = o.GetValueOrDefault("std-priority") is string p ? p : o.ContainsKey("std-priority") ? "\0non-string" : string.Empty;
                }
            }
        }

        return new PriorityFilter(priority, map);
    }

    /// <summary>True when a runs/eval file name belongs to a run with the wanted priority.</summary>
    public bool IncludeFile(string fileName) => IncludeRun(_runtags.LongestPrefix(fileName)?.RunId ?? fileName);

    /// <summary>True when the run (a runtag) has the wanted priority; an empty run id is excluded.</summary>
    public bool IncludeRun(string runId) => runId.Length > 0 && _priorities.GetValueOrDefault(runId, string.Empty) == _priority;
}
