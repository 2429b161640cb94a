using PiiOrleans.Tracks.Json;

namespace PiiOrleans.Tracks.Records;

/// <summary>
/// Rewrites one Report JSONL line (spec §4.1): team and run pseudonyms, <c>creator</c> removed, <c>narrative</c>
/// repaired, e-mails handled, fingerprint recorded. Bad lines become parse_error issues instead of crashes (BUG-21).
/// </summary>
public static class ReportLineRewriter
{
    /// <summary>
    /// Returns the output line, or null when the line is dropped. <paramref name="runId"/> is the file name's run id;
    /// <paramref name="render"/> false skips serialization (planning only needs the side effects).
    /// </summary>
    public static string? Rewrite(string trimmedLine, int lineNumber, string runId, TrackFileContext ctx, bool render = true)
    {
        if (JsonObjectLine.Parse(trimmedLine, lineNumber, ctx) is not { } obj)
        {
            return null;
        }

        if (!obj.TryGetValue("metadata", out object? metaValue))
        {
            ScrubSentences(obj, ctx);
            DeepTextScrub.Object(obj, "", key => key is not ("responses" or "answer"), ctx, lineNumber);
            return render ? PyJsonWriter.Compact(obj) : string.Empty;
        }

        if (metaValue is not PyJsonObject meta)
        {
            ctx.Issue("parse_error", lineNumber, "metadata", $"Expected metadata to be an object, got {PyJsonWriter.PythonTypeName(metaValue)}; line dropped");
            return null;
        }

        meta.Remove("creator");
        string team = TeamText(meta.GetValueOrDefault("team_id"));

        if (!RepairField(meta, "narrative", "metadata.narrative", expectString: true, team, lineNumber, ctx)
            || !RepairField(obj, "responses", "responses", expectString: false, team, lineNumber, ctx))
        {
            ctx.Issue("skipped_record", lineNumber, null, "Skipped due to malformed field");
            return null;
        }

        if (meta.GetValueOrDefault("run_id") is string contentRun && contentRun.Length > 0 && contentRun != runId)
        {
            ctx.WarnOnce("runid:" + contentRun, lineNumber, "metadata.run_id does not match the file name; using the file name");
        }

        ScrubSentences(obj, ctx);
        ScrubMetadataText(meta, ctx);
        var (topic, text) = ctx.Planning ? (string.Empty, string.Empty) : ReportTopicText.Resolve(obj, meta);

        string anonTeam = string.Empty;
        if (team.Length > 0)
        {
            anonTeam = ctx.Pseudonyms.Team(team);
            meta.Set("team_id", anonTeam);
            ctx.RunTeams[runId] = team;
        }

        string anonRun = ctx.Pseudonyms.Run(runId);
        meta.Set("run_id", anonRun);

        if (team.Length > 0 && topic.Length > 0 && text.Length > 0)
        {
            ctx.Fingerprints.Add(new TrackFingerprint(topic, text, team, runId, anonTeam, anonRun));
        }

        if (EmailScanner.MayHoldAddress(trimmedLine))
        {
            EmailScanner.ScanObject(meta, "metadata", ctx, lineNumber);
        }

        // --scan-pii: everything the fields above do not cover (references, unknown keys, nested metadata values).
        DeepTextScrub.Object(obj, "", key => key is not ("metadata" or "responses" or "answer"), ctx, lineNumber);
        DeepTextScrub.Object(meta, "metadata", key => meta.GetValueOrDefault(key) is PyJsonObject or List<object?>, ctx, lineNumber);
        return render ? PyJsonWriter.Compact(obj) : string.Empty;
    }

    private static string TeamText(object? value) => value switch
    {
        string s => s,
        PyJsonNumber n => n.Raw,
        _ => string.Empty,
    };

    /// <summary>Returns false when the record must be skipped.</summary>
    private static bool RepairField(PyJsonObject owner, string key, string fieldPath, bool expectString, string team, int line, TrackFileContext ctx)
    {
        if (!owner.TryGetValue(key, out object? value))
        {
            return true;
        }

        // narrative must be a string; responses must be a list (null means "use answer").
        if (expectString ? value is string : value is null or List<object?>)
        {
            return true;
        }

        RepairDecision d = ctx.Decisions.Repair(fieldPath, value, team, ctx.RelativePath, line);
        switch (d.Action)
        {
            case "extract_key":
                if (value is PyJsonObject o && o.TryGetValue(d.Key!, out object? inner))
                {
                    owner.Set(key, inner);
                }
                else
                {
                    ctx.Issue("malformed_field", line, fieldPath, $"Repair extract_key:{d.Key} does not apply to this value; kept as is");
                }

                return true;
            case "to_string":
                owner.Set(key, PyJsonWriter.Spaced(value));
                return true;
            case "wrap_list":
                owner.Set(key, expectString ? PyJsonWriter.Spaced(value) : new List<object?> { value });
                return true;
            case "set_empty":
                owner.Set(key, expectString ? string.Empty : new List<object?>());
                return true;
            case "drop_field":
                owner.Remove(key); // BUG-15: the key is removed, not set to null.
                return true;
            case "skip_line":
                return false;
            default:
                ctx.Issue("malformed_field", line, fieldPath, $"Expected {(expectString ? "str" : "list")}, got {PyJsonWriter.PythonTypeName(value)}");
                return true;
        }
    }

    private static void ScrubSentences(PyJsonObject obj, TrackFileContext ctx)
    {
        if (ctx.Scrubber is null)
        {
            return;
        }

        foreach (string key in (ReadOnlySpan<string>)["responses", "answer"])
        {
            if (obj.GetValueOrDefault(key) is List<object?> list)
            {
                foreach (object? s in list)
                {
                    if (s is PyJsonObject sentence && sentence.GetValueOrDefault("text") is string t)
                    {
                        sentence.Set("text", ctx.Scrubber.Scrub(t));
                    }
                }
            }
        }
    }

    private static void ScrubMetadataText(PyJsonObject meta, TrackFileContext ctx)
    {
        if (ctx.Scrubber is null)
        {
            return;
        }

        foreach (var (key, value) in meta.Entries.ToArray())
        {
            if (value is string s && key is not ("team_id" or "run_id" or "topic_id" or "narrative_id" or "request_id"))
            {
                meta.Set(key, ctx.Scrubber.Scrub(s));
            }
        }
    }
}
