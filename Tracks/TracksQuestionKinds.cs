namespace PiiOrleans.Tracks;

/// <summary>The question kinds of a tracks job (also the keys of the answers file's <c>policies</c>).</summary>
public static class TracksQuestionKinds
{
    /// <summary>Which format a whitespace-separated file has. Answers: tot, ir_measures, trec_eval, ranking, skip, detected.</summary>
    public const string TsvFormat = "tsv_format";
    /// <summary>Which run an eval file belongs to when no known run id prefixes its name. Answer: the run id, or skip.</summary>
    public const string EvalRunId = "eval_run_id";
    /// <summary>How to treat e-mail addresses in a field of a task. Answers: redact, keep, drop_field.</summary>
    public const string Email = "email";
    /// <summary>What to do with an eval/metadata run id that has no mapping. Answers: skip_file, create, skip_task.</summary>
    public const string UnknownRun = "unknown_run";
    /// <summary>How to repair a field of the wrong type. Answers: skip_line, set_empty, wrap_list, drop_field, to_string, extract_key:NAME.</summary>
    public const string Malformed = "malformed";
}
