using System.Globalization;
using System.Text;

namespace PiiOrleans.Tracks.Json;

/// <summary>
/// Serializes values from <see cref="PyJsonReader"/> byte-compatibly with Python's <c>json.dumps</c>
/// (<c>ensure_ascii</c>, key order kept, floats as Python <c>repr</c>), so rewritten lines match Track Veil's.
/// </summary>
internal static class PyJsonWriter
{
    /// <summary>Compact form: <c>separators=(",", ":")</c>, as used for rewritten JSONL lines.</summary>
    public static string Compact(object? value)
    {
        var sb = new StringBuilder(256);
        Write(sb, value, compact: true);
        return sb.ToString();
    }

    /// <summary>Python's default separators <c>", "</c> and <c>": "</c> (repair <c>to_string</c>, pattern samples).</summary>
    public static string Spaced(object? value)
    {
        var sb = new StringBuilder(64);
        Write(sb, value, compact: false);
        return sb.ToString();
    }

    public static void Write(StringBuilder sb, object? value, bool compact)
    {
        switch (value)
        {
            case null:
                sb.Append("null");
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case string s:
                WriteString(sb, s);
                break;
            case PyJsonNumber n:
                WriteNumber(sb, n);
                break;
            case PyJsonObject o:
                sb.Append('{');
                for (int i = 0; i < o.Entries.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(compact ? "," : ", ");
                    }

                    WriteString(sb, o.Entries[i].Key);
                    sb.Append(compact ? ":" : ": ");
                    Write(sb, o.Entries[i].Value, compact);
                }

                sb.Append('}');
                break;
            case List<object?> list:
                sb.Append('[');
                for (int i = 0; i < list.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(compact ? "," : ", ");
                    }

                    Write(sb, list[i], compact);
                }

                sb.Append(']');
                break;
            default:
                throw new ArgumentException($"Unsupported JSON value type {value.GetType().Name}.", nameof(value));
        }
    }

    public static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        int runStart = 0;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c >= ' ' && c < 0x7f && c != '"' && c != '\\')
            {
                continue;
            }

            sb.Append(s, runStart, i - runStart);
            runStart = i + 1;
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
            }
        }

        sb.Append(s, runStart, s.Length - runStart);
        sb.Append('"');
    }

    private static void WriteNumber(StringBuilder sb, PyJsonNumber n)
    {
        if (!n.IsFloat)
        {
            // Python re-renders ints through int(): only "-0" changes.
            sb.Append(n.Raw == "-0" ? "0" : n.Raw);
            return;
        }

        switch (n.Raw)
        {
            case "NaN":
            case "Infinity":
            case "-Infinity":
                sb.Append(n.Raw);
                return;
        }

        sb.Append(FormatFloat(double.Parse(n.Raw, NumberStyles.Float, CultureInfo.InvariantCulture)));
    }

    /// <summary>Python's <c>repr(float)</c>: shortest round-trip digits, scientific below 1e-4 and from 1e16.</summary>
    public static string FormatFloat(double d)
    {
        if (double.IsNaN(d))
        {
            return "NaN";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? "Infinity" : "-Infinity";
        }

        bool negative = d < 0 || (d == 0 && double.IsNegative(d));
        string r = Math.Abs(d).ToString("R", CultureInfo.InvariantCulture);
        int ePos = r.IndexOfAny(['E', 'e']);
        string mantissa = ePos >= 0 ? r[..ePos] : r;
        int exp = ePos >= 0 ? int.Parse(r.AsSpan(ePos + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;
        int dot = mantissa.IndexOf('.');
        string digits = dot >= 0 ? mantissa.Remove(dot, 1) : mantissa;
        int point = (dot >= 0 ? dot : mantissa.Length) + exp;
        int lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0')
        {
            lead++;
        }

        digits = digits[lead..];
        point -= lead;
        digits = digits.TrimEnd('0');
        var sb = new StringBuilder(24);
        if (negative)
        {
            sb.Append('-');
        }

        if (digits.Length == 0)
        {
            sb.Append("0.0");
            return sb.ToString();
        }

        int sciExp = point - 1;
        if (sciExp >= -4 && sciExp < 16)
        {
            if (point <= 0)
            {
                sb.Append("0.").Append('0', -point).Append(digits);
            }
            else if (point >= digits.Length)
            {
                sb.Append(digits).Append('0', point - digits.Length).Append(".0");
            }
            else
            {
                sb.Append(digits, 0, point).Append('.').Append(digits, point, digits.Length - point);
            }
        }
        else
        {
            sb.Append(digits[0]);
            if (digits.Length > 1)
            {
                sb.Append('.').Append(digits, 1, digits.Length - 1);
            }

            sb.Append('e').Append(sciExp < 0 ? '-' : '+').Append(Math.Abs(sciExp).ToString("00", CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    /// <summary>Python's type name of a parsed value (<c>dict</c>, <c>list</c>, <c>str</c>, <c>int</c>, <c>float</c>, <c>bool</c>, <c>NoneType</c>).</summary>
    public static string PythonTypeName(object? value) => value switch
    {
        null => "NoneType",
        bool => "bool",
        string => "str",
        PyJsonNumber n => n.IsFloat ? "float" : "int",
        PyJsonObject => "dict",
        List<object?> => "list",
        _ => value.GetType().Name,
    };
}
