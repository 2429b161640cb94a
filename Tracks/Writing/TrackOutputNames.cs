using PiiOrleans.Tracks;

namespace PiiOrleans.Tracks.Writing;

/// <summary>
/// Output naming (spec §3.9): runs → <c>{tree}/{task}/{run pseudonym}</c>, eval → <c>{tree}/{task}/{run pseudonym}{judge suffix}</c>,
/// metadata keeps its name. No output ever keeps an original run name (BUG-8).
/// </summary>
public static class TrackOutputNames
{
    /// <summary>The output path relative to the output root, or null when the file is not written.</summary>
    public static string? For(TrackFilePlan plan, Func<string, string?> runPseudonym)
    {
        if (plan.Action != TrackFileAction.Rewrite)
        {
            return null;
        }

        string treeDir = plan.RelativePath[..plan.RelativePath.IndexOf('/')];
        switch (plan.Tree)
        {
            case TrackTree.Metadata:
                return plan.RelativePath;
            default:
                string anon = runPseudonym(plan.RunId!) ?? $"<new run {plan.RunId}>";
                return $"{treeDir}/{plan.Task}/{anon}{plan.OutputSuffix}";
        }
    }
}
