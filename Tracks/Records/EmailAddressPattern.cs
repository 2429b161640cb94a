using System.Text.RegularExpressions;

namespace PiiOrleans.Tracks.Records;

/// <summary>Track Veil's e-mail pattern (spec §4.3) and the masking used in prompts and the error report.</summary>
public static partial class EmailAddressPattern
{
    /// <summary>Leftmost, non-overlapping e-mail addresses (case-insensitive, with a timeout).</summary>
    [GeneratedRegex(@"[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    public static partial Regex Address();

    /// <summary>
    /// Masks an address: local part of ≤2 characters → first character + <c>***</c>, else the first two + <c>***</c>, then
    /// <c>@domain</c>; without '@' the first 3 characters + <c>***</c>. An empty local part gives <c>***@domain</c> (BUG-13).
    /// </summary>
    public static string Mask(string value)
    {
        int at = value.IndexOf('@');
        if (at < 0)
        {
            return value[..Math.Min(3, value.Length)] + "***";
        }

        string local = value[..at];
        string domain = value[at..];
        if (local.Length == 0)
        {
            return "***" + domain;
        }

        return (local.Length <= 2 ? local[..1] : local[..2]) + "***" + domain;
    }
}
