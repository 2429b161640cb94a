using System.Security.Cryptography;
using System.Text;
using PiiOrleans.Grains.Tracks.Json;

namespace PiiOrleans.Grains.Tracks.Records;

/// <summary>The <c>repair_rules.pattern_hash</c> of a malformed value (spec §7.2), compatible with Track Veil's rows.</summary>
public static class RepairPatternHash
{
    /// <summary>First 16 hex characters of SHA-256(<c>field_path|structure</c>).</summary>
    public static string Compute(string fieldPath, object? value) => ComputeForStructure(fieldPath, Structure(value));

    /// <summary>Hash of an already-built structure text (e.g. <c>dict:['text', 'title']</c>).</summary>
    public static string ComputeForStructure(string fieldPath, string structure)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(fieldPath + "|" + structure));
        return Convert.ToHexStringLower(hash)[..16];
    }

    /// <summary>The structure text: <c>dict:</c> + Python repr of the sorted keys, <c>list:</c> + first element type, or the type name.</summary>
    internal static string Structure(object? value)
    {
        switch (value)
        {
            case PyJsonObject o:
                var keys = o.Entries.Select(e => e.Key).ToList();
                keys.Sort(CodePointComparer.Instance);
                return "dict:[" + string.Join(", ", keys.Select(PythonRepr)) + "]";
            case List<object?> { Count: > 0 } list:
                return "list:" + PyJsonWriter.PythonTypeName(list[0]);
            default:
                return PyJsonWriter.PythonTypeName(value);
        }
    }

    private static string PythonRepr(string s)
    {
        bool useDouble = s.Contains('\'') && !s.Contains('"');
        char q = useDouble ? '"' : '\'';
        var sb = new StringBuilder(s.Length + 2).Append(q);
        foreach (char c in s)
        {
            if (c == '\\' || c == q)
            {
                sb.Append('\\').Append(c);
            }
            else if (c == '\n')
            {
                sb.Append("\\n");
            }
            else if (c == '\r')
            {
                sb.Append("\\r");
            }
            else if (c == '\t')
            {
                sb.Append("\\t");
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.Append(q).ToString();
    }

    private sealed class CodePointComparer : IComparer<string>
    {
        public static readonly CodePointComparer Instance = new();

        public int Compare(string? x, string? y)
        {
            // Python sorts by code point; ordinal UTF-16 differs only above the BMP, so compare runes.
            var a = (x ?? string.Empty).EnumerateRunes();
            var b = (y ?? string.Empty).EnumerateRunes();
            while (true)
            {
                bool ha = a.MoveNext();
                bool hb = b.MoveNext();
                if (!ha || !hb)
                {
                    return ha ? 1 : hb ? -1 : 0;
                }

                int c = a.Current.Value.CompareTo(b.Current.Value);
                if (c != 0)
                {
                    return c;
                }
            }
        }
    }
}
