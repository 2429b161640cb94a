using System.Text;

namespace PiiOrleans.Pii.Anonymization;

/// <summary>
/// The job's <c>mask_location</c>: comma segments are trimmed (empty ones dropped); in each, numbers keep their first
/// digit, tokens of 2 or fewer and street abbreviations (st, ave, rd, dr, ln, blvd, way, ct, pl) are kept, other tokens
/// keep their first code point (<c>123 Main St, New York</c> → <c>1** M*** St, N** Y***</c>).
/// </summary>
public sealed class MaskLocationOperator : IAnonymizationOperator
{
    private static readonly string[] KeptAbbreviations = ["st", "ave", "rd", "dr", "ln", "blvd", "way", "ct", "pl"];

    /// <inheritdoc />
    public string Name => "mask_location";

    /// <inheritdoc />
    public OperatorType Type => OperatorType.Anonymize;

    /// <inheritdoc />
    public void Validate(OperatorParameters parameters)
    {
    }

    /// <inheritdoc />
    public string Operate(string text, OperatorParameters parameters) => Mask(text);

    /// <summary>The masked form of <paramref name="text"/>.</summary>
    public static string Mask(string text)
    {
        var output = new StringBuilder(text.Length);
        foreach (var range in text.AsSpan().Split(','))
        {
            var segment = text.AsSpan(range).Trim();
            if (segment.IsEmpty)
            {
                continue;
            }

            if (output.Length > 0)
            {
                output.Append(", ");
            }

            var first = true;
            while (WhitespaceTokens.Next(ref segment, out var token))
            {
                if (!first)
                {
                    output.Append(' ');
                }

                first = false;
                AppendToken(output, token);
            }
        }

        return output.ToString();
    }

    private static void AppendToken(StringBuilder output, ReadOnlySpan<char> token)
    {
        if (CodePoints.AllDigits(token))
        {
            CodePoints.AppendKeepingPrefix(output, token, 1);
        }
        else if (CodePoints.Count(token) <= 2 || IsKeptAbbreviation(token))
        {
            output.Append(token);
        }
        else
        {
            CodePoints.AppendKeepingPrefix(output, token, 1);
        }
    }

    private static bool IsKeptAbbreviation(ReadOnlySpan<char> token)
    {
        foreach (var abbreviation in KeptAbbreviations)
        {
            if (token.Equals(abbreviation, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
