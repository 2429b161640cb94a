using PiiOrleans.Tracks.Json;

namespace PiiOrleans.Tracks.Records;

/// <summary>
/// The <c>--scan-pii</c> walk of a whole record (issue 16, case 9): e-mail addresses and names hide outside the fields
/// the rewriters know (<c>references</c>, unknown top-level keys, nested metadata fields). Every string under the given
/// keys, at any depth, goes through the scrubber, and an e-mail address still in it is replaced by
/// <c>[REDACTED]</c> with an <c>email_found</c> issue naming the field path and a masked address (never the value).
/// </summary>
internal static class DeepTextScrub
{
    private const string Redacted = "[REDACTED]";

    /// <summary>Scrubs the values of <paramref name="obj"/> whose keys <paramref name="include"/> accepts.</summary>
    public static void Object(PyJsonObject obj, string path, Func<string, bool> include, TrackFileContext ctx, int line)
    {
        if (ctx.Scrubber is not { ScansPii: true } scrubber)
        {
            return;
        }

        foreach (var (key, value) in obj.Entries.ToArray())
        {
            if (include(key))
            {
                var replaced = Visit(value, path.Length == 0 ? key : path + "." + key, scrubber, ctx, line);
                if (!ReferenceEquals(replaced, value))
                {
                    obj.Set(key, replaced);
                }
            }
        }
    }

    private static object? Visit(object? value, string path, ITrackTextScrubber scrubber, TrackFileContext ctx, int line)
    {
        switch (value)
        {
            case string s:
                return Text(s, path, scrubber, ctx, line);
            case PyJsonObject o:
                Object(o, path, _ => true, ctx, line);
                return o;
            case List<object?> list:
                for (var i = 0; i < list.Count; i++)
                {
                    list[i] = Visit(list[i], $"{path}[{i}]", scrubber, ctx, line);
                }

                return list;
            default:
                return value;
        }
    }

    private static string Text(string text, string path, ITrackTextScrubber scrubber, TrackFileContext ctx, int line)
    {
        var scrubbed = scrubber.Scrub(text);
        if (!scrubbed.Contains('@'))
        {
            return scrubbed;
        }

        var matches = EmailAddressPattern.Address().Matches(scrubbed);
        if (matches.Count == 0)
        {
            return scrubbed;
        }

        foreach (System.Text.RegularExpressions.Match m in matches)
        {
            ctx.Issue("email_found", line, path, $"Email address found: {EmailAddressPattern.Mask(m.Value)}; redacted (--scan-pii)");
        }

        return EmailAddressPattern.Address().Replace(scrubbed, Redacted);
    }
}
