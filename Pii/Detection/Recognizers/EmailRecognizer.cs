using System.Text.RegularExpressions;
using PiiOrleans.Pii.Detection.Validation;

namespace PiiOrleans.Pii.Detection.Recognizers;

/// <summary>E-mail addresses: RFC 5322 local part (dots inside only), host labels, and a known top-level domain.</summary>
public sealed partial class EmailRecognizer : PatternRecognizer
{
    /// <summary>Creates the recognizer.</summary>
    public EmailRecognizer()
        : base("EmailRecognizer", EntityTypes.EmailAddress,
            [new RecognizerPattern("email", EmailRegex(), 0.5)],
            ["email", "e-mail", "mail", "contact", "address"], TextTraits.At)
    {
    }

    /// <inheritdoc />
    protected override bool HasCandidates(int pattern) => true;

    /// <inheritdoc />
    /// <remarks>
    /// A match is a local part, one '@' and a host, so it starts in the stretch of non-space characters before the
    /// first '@' at or after <paramref name="from"/> (its local part cannot contain white space or another '@').
    /// </remarks>
    protected override int NextCandidate(int pattern, string text, int from)
    {
        int at = text.IndexOf('@', from);
        if (at < 0) return -1;
        int start = at;
        while (start > from && !char.IsWhiteSpace(text[start - 1]) && text[start - 1] != '@') start--;
        return start;
    }

    /// <inheritdoc />
    protected override double Validate(string text, int start, int end, double baseScore)
    {
        var value = text.AsSpan(start, end - start);
        int at = value.IndexOf('@');
        var host = value[(at + 1)..];
        // A known TLD makes it certain; an unknown one ("user@host.local") stays below the default threshold.
        return TopLevelDomains.IsKnown(TopLevelDomains.LastLabel(host)) ? 1.0 : 0.3;
    }

    [GeneratedRegex(@"\b[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[A-Za-z]{2,24}\b",
        RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, RegexTimeoutMs)]
    private static partial Regex EmailRegex();
}
