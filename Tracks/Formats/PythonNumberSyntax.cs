using System.Globalization;

namespace PiiOrleans.Tracks.Formats;

/// <summary>Python's <c>float()</c> and <c>int()</c> acceptance rules for one whitespace-free cell (used by format detection).</summary>
public static class PythonNumberSyntax
{
    /// <summary>True when Python <c>float(cell)</c> succeeds (digits, sign, '.', exponent, '_' between digits, nan/inf/infinity).</summary>
    public static bool IsFloat(string cell)
    {
        string body = cell.Length > 0 && (cell[0] == '+' || cell[0] == '-') ? cell[1..] : cell;
        if (body.Equals("nan", StringComparison.OrdinalIgnoreCase) || body.Equals("inf", StringComparison.OrdinalIgnoreCase)
            || body.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!TryRemoveUnderscores(cell, out string plain))
        {
            return false;
        }

        foreach (char c in plain)
        {
            if (!(char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '+' or '-'))
            {
                return false;
            }
        }

        return plain.Length > 0 && double.TryParse(plain, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
    }

    /// <summary>True when Python <c>int(cell)</c> succeeds (optional sign, decimal digits, '_' between digits).</summary>
    public static bool IsInt(string cell)
    {
        if (!TryRemoveUnderscores(cell, out string plain))
        {
            return false;
        }

        int start = plain.Length > 0 && (plain[0] == '+' || plain[0] == '-') ? 1 : 0;
        if (plain.Length == start)
        {
            return false;
        }

        for (int i = start; i < plain.Length; i++)
        {
            if (!char.IsAsciiDigit(plain[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryRemoveUnderscores(string cell, out string plain)
    {
        if (!cell.Contains('_'))
        {
            plain = cell;
            return true;
        }

        for (int i = 0; i < cell.Length; i++)
        {
            if (cell[i] == '_' && (i == 0 || i == cell.Length - 1 || !char.IsAsciiDigit(cell[i - 1]) || !char.IsAsciiDigit(cell[i + 1])))
            {
                plain = cell;
                return false;
            }
        }

        plain = cell.Replace("_", string.Empty, StringComparison.Ordinal);
        return true;
    }
}
