using System.Text.RegularExpressions;
using PiiOrleans.Pii.Detection.Validation;

namespace PiiOrleans.Pii.Detection.Recognizers;

/// <summary>
/// Web addresses with a scheme (<c>https://…</c>) or without (<c>www.example.com/path</c>, <c>example.org</c>). The host must end
/// in a known TLD at a word boundary (so <c>alice.smith</c> is not <c>alice.sm</c>), nothing inside an e-mail address matches,
/// and trailing sentence punctuation is not part of the URL.
/// </summary>
public sealed partial class UrlRecognizer : PatternRecognizer
{
    /// <summary>Creates the recognizer.</summary>
    public UrlRecognizer()
        : base("UrlRecognizer", EntityTypes.Url,
            [
                new RecognizerPattern("url_scheme", SchemeRegex(), 0.9) { RequiredTraits = TextTraits.SchemeSeparator },
                new RecognizerPattern("url_host", HostRegex(), 0.5) { RequiredTraits = TextTraits.DotThenLetter },
            ],
            ["url", "website", "web", "site", "link", "domain", "homepage", "visit"], TextTraits.SchemeSeparator | TextTraits.DotThenLetter)
    {
    }

    /// <inheritdoc />
    protected override bool HasCandidates(int pattern) => true;

    /// <inheritdoc />
    /// <remarks>
    /// A scheme match has "://" three to five characters after its start ("ftp", "http", "https"). A host match ends
    /// in a '.' followed by a letter (the top-level domain), and everything before that dot is letters, digits, '-' and
    /// '.', so it starts in such a stretch before the first dot-letter at or after <paramref name="from"/>.
    /// </remarks>
    protected override int NextCandidate(int pattern, string text, int from)
    {
        if (pattern == 0)
        {
            int separator = text.IndexOf("://", from, StringComparison.Ordinal);
            return separator < 0 ? -1 : Math.Max(from, separator - 5);
        }

        int dot = from;
        while (true)
        {
            dot = text.IndexOf('.', dot);
            if (dot < 0 || dot + 1 >= text.Length) return -1;
            if (char.IsLetter(text[dot + 1])) break;
            dot++;
        }

        int start = dot;
        while (start > from && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] is '-' or '.')) start--;
        return start;
    }

    /// <inheritdoc />
    protected override bool Adjust(string text, ref int start, ref int end)
    {
        // Sentence punctuation and an unbalanced closing bracket end the URL; "/" stays (it belongs to the path).
        while (end > start)
        {
            char c = text[end - 1];
            if (c is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '"' or '*') { end--; continue; }
            if (c is ')' or ']' && text.AsSpan(start, end - start).Count(c == ')' ? '(' : '[') < text.AsSpan(start, end - start).Count(c)) { end--; continue; }
            break;
        }
        return end > start;
    }

    /// <inheritdoc />
    protected override double Validate(string text, int start, int end, double baseScore)
    {
        var value = text.AsSpan(start, end - start);
        // Never inside an e-mail address: no '@' right before or after, and the host is not a local part.
        if (start > 0 && text[start - 1] is '@' or '.' or '-' or '_' or '+') return 0;
        if (end < text.Length && text[end] is '@') return 0;
        if (value.Contains('@')) return 0;
        // The host part of a URL with a scheme is the scheme pattern's match.
        if (start >= 3 && text.AsSpan(start - 3, 3).SequenceEqual("://")) return 0;

        int schemeEnd = value.IndexOf("://", StringComparison.Ordinal);
        var rest = schemeEnd >= 0 ? value[(schemeEnd + 3)..] : value;
        int hostEnd = rest.IndexOfAny('/', '?', '#');
        var host = hostEnd >= 0 ? rest[..hostEnd] : rest;
        int colon = host.IndexOf(':');
        if (colon >= 0) host = host[..colon];
        if (host.IsEmpty) return 0;
        if (schemeEnd >= 0) return host.Contains('.') || host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? baseScore : 0;

        var tld = TopLevelDomains.LastLabel(host);
        if (!TopLevelDomains.IsKnown(tld)) return 0;
        // "ended.Now we go": a missing space before a capitalised word, not a host (hosts are written in one case).
        if (tld.Length > 1 && char.IsUpper(tld[0]) && !tld[1..].ContainsAnyExceptInRange('a', 'z')) return 0;
        bool www = host.StartsWith("www", StringComparison.OrdinalIgnoreCase);
        bool path = hostEnd >= 0;
        if (www) return 0.8;
        if (TopLevelDomains.IsFileLike(tld) && !path && host.Count('.') == 1) return 0.2;
        return TopLevelDomains.IsCommon(tld) ? 0.6 : baseScore;
    }

    [GeneratedRegex(@"\b(?:https?|ftp)://[^\s<>""'{}|\\^`]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, RegexTimeoutMs)]
    private static partial Regex SchemeRegex();

    [GeneratedRegex(@"\b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}\b(?:[:/?#][^\s<>""'{}|\\^`]*)?",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.NonBacktracking, RegexTimeoutMs)]
    private static partial Regex HostRegex();
}
