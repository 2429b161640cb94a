using PiiOrleans.Tracks.Json;

namespace PiiOrleans.Tracks.Records;

/// <summary>
/// Rewrites one Evalbase metadata line (spec §4.2): <c>org</c> → team pseudonym, <c>runtag</c> → run pseudonym, top-level
/// <c>email</c> per the task's decision. Team mismatches with runs/ and runtags not seen in runs/ become warning issues (LIMIT-10).
/// </summary>
public static class MetadataLineRewriter
{
    /// <summary>Returns the output line, or null when it is dropped (parse error, not an object, or filtered by priority).</summary>
    public static string? Rewrite(
        string trimmedLine,
        int lineNumber,
        TrackFileContext ctx,
        IReadOnlyDictionary<string, string> runTeams,
        Func<string, bool>? includeRun,
        bool render = true)
    {
        if (JsonObjectLine.Parse(trimmedLine, lineNumber, ctx) is not { } obj)
        {
            return null;
        }

        string runtag = obj.GetValueOrDefault("runtag") as string ?? string.Empty;
        if (includeRun is not null && !includeRun(runtag))
        {
            return null;
        }

        if (obj.GetValueOrDefault("org") is string org && org.Length > 0)
        {
            if (runtag.Length > 0 && runTeams.TryGetValue(runtag, out string? runsTeam) && runsTeam != org)
            {
                ctx.WarnOnce("org:" + org, lineNumber, "Team mismatch: metadata.org differs from the runs/ team_id of the same run; both are anonymized separately");
            }

            obj.Set("org", ctx.Pseudonyms.Team(org));
        }

        if (runtag.Length > 0)
        {
            if (!ctx.Pseudonyms.IsKnownRun(runtag))
            {
                ctx.WarnOnce("runtag:" + runtag, lineNumber, "Creating a run mapping from metadata (run not seen in runs/)");
            }

            obj.Set("runtag", ctx.Pseudonyms.Run(runtag));
        }

        if (obj.GetValueOrDefault("email") is { } email && IsTruthy(email))
        {
            string masked = email is string s ? EmailAddressPattern.Mask(s) : "***";
            ctx.Issue("email_found", lineNumber, "email", $"Email address found: {masked}");
            switch (ctx.Decisions.Email(ctx.Task, "email", masked, ctx.RelativePath))
            {
                case EmailAction.Redact:
                    obj.Set("email", "[REDACTED]");
                    break;
                case EmailAction.DropField:
                    obj.Remove("email");
                    break;
            }
        }

        if (ctx.Scrubber is not null)
        {
            foreach (var (key, value) in obj.Entries.ToArray())
            {
                if (value is string text && key is not ("org" or "runtag" or "email" or "std-priority" or "task" or "date"))
                {
                    obj.Set(key, ctx.Scrubber.Scrub(text));
                }
            }

            // --scan-pii: nested values (objects and lists) of any field.
            DeepTextScrub.Object(obj, "", key => obj.GetValueOrDefault(key) is PyJsonObject or List<object?>, ctx, lineNumber);
        }

        return render ? PyJsonWriter.Compact(obj) : string.Empty;
    }

    private static bool IsTruthy(object value) => value switch
    {
        string s => s.Length > 0,
        bool b => b,
        PyJsonNumber n => n.Raw is not ("0" or "-0") && !(n.IsFloat && double.TryParse(n.Raw, System.Globalization.CultureInfo.InvariantCulture, out double d) && d == 0),
        PyJsonObject o => o.Count > 0,
        List<object?> l => l.Count > 0,
        _ => false,
    };
}
