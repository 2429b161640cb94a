using PiiOrleans.Tracks;

namespace PiiOrleans.Tracks.Planning;

/// <summary>The stable question keys (spec §8.7 caching keys); answers files refer to questions by these.</summary>
public static class TracksQuestionKeys
{
    /// <summary><c>email:{task}:{field_path}</c>, e.g. <c>email:task1:metadata.contact</c>.</summary>
    public static string Email(string task, string fieldPath) => $"{TracksQuestionKinds.Email}:{task}:{fieldPath}";

    /// <summary><c>malformed:{field_path}:{pattern_hash}</c>.</summary>
    public static string Malformed(string fieldPath, string patternHash) => $"{TracksQuestionKinds.Malformed}:{fieldPath}:{patternHash}";

    /// <summary><c>tsv_format:{tree dir}/{task}/{detected format}</c>: one confirmation per distinct detected format per task folder.</summary>
    public static string TsvFormat(string treeDir, string task, string detected) => $"{TracksQuestionKinds.TsvFormat}:{treeDir}/{task}/{detected}";

    /// <summary><c>eval_run_id:{task}/{file}</c>.</summary>
    public static string EvalRunId(string task, string fileName) => $"{TracksQuestionKinds.EvalRunId}:{task}/{fileName}";

    /// <summary><c>unknown_run:{task}/{run_id}</c> (eval task folder and run id).</summary>
    public static string UnknownRun(string task, string runId) => $"{TracksQuestionKinds.UnknownRun}:{task}/{runId}";
}
