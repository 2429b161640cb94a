using System.Globalization;
using System.Text;

namespace PiiOrleans.Tracks.Planning;

/// <summary>
/// What a question may show of an input line (issue 16, case 9): its line number and its shape — one token per
/// whitespace-separated field, numbers as <c>#</c>, any other field as its first character and one <c>*</c> per
/// further character — never the line itself, which could hold a name or an address.
/// </summary>
public static class MaskedSampleLine
{
    private const int MaxLength = 80;

    /// <summary>"line <paramref name="lineNumber"/>: " and the masked fields of <paramref name="line"/>.</summary>
    public static string Describe(string line, int lineNumber)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = new StringBuilder();
        foreach (var field in line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            if (double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                text.Append('#');
            }
            else
            {
                text.Append(field[0]).Append('*', Math.Min(field.Length - 1, 12));
            }

            if (text.Length > MaxLength)
            {
                text.Length = MaxLength - 3;
                text.Append("...");
                break;
            }
        }

        return $"line {lineNumber}: {text}";
    }
}
