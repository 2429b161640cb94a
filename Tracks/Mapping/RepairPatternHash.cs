using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PiiOrleans.Tracks.Mapping;

/// <summary>
/// Track Veil's repair-rule key (spec §7.2): the first 16 hex characters of SHA-256 of <c>field_path + "|" + structure</c>,
/// where structure describes the malformed value's shape with Python type names and reprs.
/// </summary>
public static class RepairPatternHash
{
    /// <summary>The pattern hash of <paramref name="value"/> found at <paramref name="fieldPath"/>.</summary>
    public static string Compute(string fieldPath, JsonElement value) => ComputeFromStructure(fieldPath, Structure(value));

    /// <summary>The hash of an already described structure, e.g. <c>dict:['text', 'title']</c>.</summary>
    public static string ComputeFromStructure(string fieldPath, string structure)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(fieldPath + "|" + structure));
        return Convert.ToHexStringLower(hash)[..16];
    }

    /// <summary>The structure text: <c>dict:[sorted keys repr]</c>, <c>list:{first element type}</c>, or the Python type name.</summary>
    public static string Structure(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var keys = value.EnumerateObject().Select(p => p.Name).Distinct(StringComparer.Ordinal).ToList();
                keys.Sort(PythonStringComparer.Instance);
                return "dict:[" + string.Join(", ", keys.Select(PythonRepr)) + "]";
            case JsonValueKind.Array:
                using (var items = value.EnumerateArray())
                {
                    return items.MoveNext() ? "list:" + PythonTypeName(items.Current) : "list";
                }

            default:
                return PythonTypeName(value);
        }
    }

    /// <summary>The Python type name <c>json.loads</c> would give the value (<c>dict</c>, <c>list</c>, <c>str</c>, <c>int</c>, <c>float</c>, <c>bool</c>, <c>NoneType</c>).</summary>
    public static string PythonTypeName(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "dict",
        JsonValueKind.Array => "list",
        JsonValueKind.String => "str",
        JsonValueKind.True or JsonValueKind.False => "bool",
        JsonValueKind.Null => "NoneType",
        JsonValueKind.Number => value.GetRawText().AsSpan().IndexOfAny(".eE") >= 0 ? "float" : "int",
        _ => "NoneType",
    };

    /// <summary>Python's <c>repr(str)</c>: single quotes unless the text has a single quote and no double quote.</summary>
    public static string PythonRepr(string text)
    {
        char quote = text.Contains('\'') && !text.Contains('"') ? '"' : '\'';
        var builder = new StringBuilder(text.Length + 2).Append(quote);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == quote || c == '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (c == '\t')
            {
                builder.Append("\\t");
            }
            else if (c == '\n')
            {
                builder.Append("\\n");
            }
            else if (c == '\r')
            {
                builder.Append("\\r");
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                int codePoint = char.ConvertToUtf32(c, text[i + 1]);
                if (IsPrintable(CharUnicodeInfo.GetUnicodeCategory(codePoint)))
                {
                    builder.Append(c).Append(text[i + 1]);
                }
                else
                {
                    builder.Append("\\U").Append(codePoint.ToString("x8", CultureInfo.InvariantCulture));
                }

                i++;
            }
            else if (c == ' ' || (c < 0x7f && c >= 0x20) || (c > 0x7f && !char.IsSurrogate(c) && IsPrintable(CharUnicodeInfo.GetUnicodeCategory(c))))
            {
                builder.Append(c);
            }
            else if (c < 0x100)
            {
                builder.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
        }

        return builder.Append(quote).ToString();
    }

    // Python's str.isprintable: not in categories Cc, Cf, Cs, Co, Cn, Zl, Zp, Zs (ASCII space handled by the caller).
    private static bool IsPrintable(UnicodeCategory category) => category is not (UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.SpaceSeparator);
}
