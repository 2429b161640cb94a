namespace PiiOrleans.Tracks.Fingerprints;

/// <summary>Why recovery skipped a file or line.</summary>
public enum SkipReason
{
    /// <summary>The file's first non-blank line is not a JSON object, so it is not a Report JSONL file.</summary>
    NotJsonLines,

    /// <summary>The line is not valid JSON.</summary>
    InvalidJson,

    /// <summary>The line is JSON but has no resolvable topic id or no report text.</summary>
    NoTopicOrText,

    /// <summary>The file could not be read.</summary>
    Unreadable,
}
