using System.Text.RegularExpressions;

namespace PiiOrleans.Pii.Detection.Validation;

/// <summary>
/// Tells a software version (<c>Chrome/27.0.1453.93</c>, <c>10.0.19045.2965</c>) from a phone number: dotted digit
/// groups look like a number written with dots. The phone recognizer rejects a match that this covers, so user agents
/// and build numbers are neither anonymized nor reported by the tables re-scan.
/// </summary>
public static partial class VersionStringSpan
{
    /// <summary>True when the whitespace-delimited tokens covering [<paramref name="start"/>, start + length) are all version strings.</summary>
    public static bool Covers(string text, int start, int length)
    {
        ArgumentNullException.ThrowIfNull(text);
        var from = start;
        while (from > 0 && !char.IsWhiteSpace(text[from - 1]) && text[from - 1] is not ('(' or ';' or ','))
        {
            from--;
        }

        var to = start + length;
        while (to < text.Length && !char.IsWhiteSpace(text[to]) && text[to] is not (')' or ';' or ','))
        {
            to++;
        }

        var covered = text.AsSpan(from, to - from);
        foreach (var range in covered.Split(' '))
        {
            var token = covered[range];
            if (!token.IsEmpty && !ProductVersion().IsMatch(token) && !IsDottedVersion(token))
            {
                return false;
            }
        }

        return true;
    }

    // A bare dotted number is a version when it has three or more groups and one of them has a single digit or five
    // or more (27.0.1453.93, 10.0.19045.2965); phone numbers written with dots use groups of two to four (415.555.0100).
    private static bool IsDottedVersion(ReadOnlySpan<char> token)
    {
        var groups = 0;
        var versionLike = false;
        foreach (var range in token.Split('.'))
        {
            var group = token[range];
            if (group.IsEmpty || group.ContainsAnyExcept("0123456789"))
            {
                return false;
            }

            groups++;
            versionLike |= group.Length == 1 || group.Length >= 5;
        }

        return groups >= 3 && versionLike;
    }

    // product/version: Chrome/27.0.1453.93, Build/RP1A.200720.012.
    [GeneratedRegex(@"^[A-Za-z][\w.+-]*/[\w-]*\d[\w-]*(?:\.[\w-]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex ProductVersion();
}
