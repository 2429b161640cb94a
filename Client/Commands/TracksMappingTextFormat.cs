using System.Globalization;
using System.Text;

namespace PiiOrleans.Client.Commands;

/// <summary>Text building blocks of the mapping commands: Python-style padding and JSON strings, RFC 4180 CSV fields, atomic files.</summary>
public static class TracksMappingTextFormat
{
    /// <summary>Pads like Python's <c>f"{text:{width}}"</c>: to at least <paramref name="width"/> code points, never truncating.</summary>
    public static string PadRight(string text, int width)
    {
        int length = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            length++;
        }

        return length >= width ? text : text + new string(' ', width - length);
    }

    /// <summary>A JSON string literal as Python's <c>json.dumps</c> writes it (<c>ensure_ascii</c>: non-ASCII as lower-case <c>\uXXXX</c>).</summary>
    public static string JsonString(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (char c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                default:
                    if (c < 0x20 || c > 0x7e && c != 0x7f)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>One CSV field per RFC 4180: quoted (quotes doubled) when it holds a comma, quote, CR or LF (fixes BUG-14).</summary>
    public static string CsvField(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>One CSV record of <paramref name="fields"/>, ending in CRLF as RFC 4180 asks.</summary>
    public static string CsvRecord(params string[] fields) => string.Join(',', fields.Select(CsvField)) + "\r\n";

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> through a temporary file and a rename, so readers never see half a file.</summary>
    public static void WriteAtomically(string path, string text)
    {
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        string temporary = Path.Combine(directory, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            File.WriteAllText(temporary, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
