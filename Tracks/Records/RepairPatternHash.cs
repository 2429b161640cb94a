using PiiOrleans.Tracks.Json;

namespace PiiOrleans.Tracks.Records;

/// <summary>
/// The <c>repair_rules.pattern_hash</c> of a malformed value (spec §7.2), compatible with Track Veil's rows: the
/// structure of the pipeline's own JSON values, hashed and quoted by <see cref="Mapping.RepairPatternHash"/>.
/// </summary>
public static class RepairPatternHash
{
    /// <summary>First 16 hex characters of SHA-256(<c>field_path|structure</c>).</summary>
    public static string Compute(string fieldPath, object? value) => ComputeForStructure(fieldPath, Structure(value));

    /// <summary>Hash of an already-built structure text (e.g. <c>dict:['text', 'title']</c>).</summary>
    public static string ComputeForStructure(string fieldPath, string structure) =>
        Mapping.RepairPatternHash.ComputeFromStructure(fieldPath, structure);

    /// <summary>The structure text: <c>dict:</c> + Python repr of the sorted keys, <c>list:</c> + first element type, or the type name.</summary>
    internal static string Structure(object? value)
    {
        switch (value)
        {
            case PyJsonObject o:
                var keys = o.Entries.Select(e => e.Key).ToList();
                keys.Sort(Mapping.PythonStringComparer.Instance);
                return "dict:[" + string.Join(", ", keys.Select(Mapping.RepairPatternHash.PythonRepr)) + "]";
            case List<object?> { Count: > 0 } list:
                return "list:" + PyJsonWriter.PythonTypeName(list[0]);
            default:
                return PyJsonWriter.PythonTypeName(value);
        }
    }
}
