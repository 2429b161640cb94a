using System.Text.RegularExpressions;
using PiiOrleans.Tracks.Json;

namespace PiiOrleans.Tracks.Records;

/// <summary>
/// Walks a report's <c>metadata</c> for e-mail addresses (spec §4.3) and applies the decision of each (task, field path).
/// Unlike the reference, a cached "redact" always redacts (BUG-12) and decisions are per field, never per address.
/// </summary>
internal static class EmailScanner
{
    private const string Redacted = "[REDACTED]";

    /// <summary>
    /// False when the JSON text of a line cannot hold an e-mail address: no '@', written plainly or as a <c>\u0040</c>
    /// escape. Most report lines hold none, and skipping their walk saves the per-field path strings and regex runs.
    /// </summary>
    public static bool MayHoldAddress(string jsonText) =>
        jsonText.Contains('@') || jsonText.Contains("\\u0040", StringComparison.OrdinalIgnoreCase);

    public static void ScanObject(PyJsonObject obj, string path, TrackFileContext ctx, int line)
    {
        List<string>? drop = null;
        foreach (var (key, value) in obj.Entries.ToArray())
        {
            string childPath = path + "." + key;
            if (Visit(value, childPath, ctx, line, out object? replaced))
            {
                (drop ??= []).Add(key);
            }
            else if (!ReferenceEquals(replaced, value))
            {
                obj.Set(key, replaced);
            }
        }

        if (drop is not null)
        {
            foreach (string k in drop)
            {
                obj.Remove(k);
            }
        }
    }

    /// <summary>Returns true when the value must be dropped from its parent; <paramref name="replaced"/> is the new value.</summary>
    private static bool Visit(object? value, string path, TrackFileContext ctx, int line, out object? replaced)
    {
        replaced = value;
        switch (value)
        {
            case string s:
                if (!s.Contains('@'))
                {
                    return false;
                }

                MatchCollection matches = EmailAddressPattern.Address().Matches(s);
                if (matches.Count == 0)
                {
                    return false;
                }

                foreach (Match m in matches)
                {
                    ctx.Issue("email_found", line, path, $"Email address found: {EmailAddressPattern.Mask(m.Value)}");
                }

                EmailAction action = ctx.Decisions.Email(ctx.Task, path, EmailAddressPattern.Mask(matches[0].Value), ctx.RelativePath);
                if (action == EmailAction.DropField)
                {
                    return true;
                }

                if (action == EmailAction.Redact)
                {
                    replaced = EmailAddressPattern.Address().Replace(s, Redacted);
                }

                return false;
            case PyJsonObject o:
                ScanObject(o, path, ctx, line);
                return false;
            case List<object?> list:
                var dropIdx = new List<int>();
                for (int i = 0; i < list.Count; i++)
                {
                    if (Visit(list[i], $"{path}[{i}]", ctx, line, out object? r))
                    {
                        dropIdx.Add(i);
                    }
                    else if (!ReferenceEquals(r, list[i]))
                    {
                        list[i] = r;
                    }
                }

                for (int i = dropIdx.Count - 1; i >= 0; i--)
                {
                    list.RemoveAt(dropIdx[i]);
                }

                return false;
            default:
                return false;
        }
    }
}
