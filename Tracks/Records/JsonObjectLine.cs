using PiiOrleans.Tracks.Json;

namespace PiiOrleans.Tracks.Records;

/// <summary>
/// Parses one JSONL line that must hold a JSON object. A line that does not parse, or holds another value, becomes a
/// <c>parse_error</c> issue naming the line (BUG-21: never a crash) and is dropped.
/// </summary>
internal static class JsonObjectLine
{
    /// <summary>The line's object, or null after recording the issue.</summary>
    public static PyJsonObject? Parse(string trimmedLine, int lineNumber, TrackFileContext ctx)
    {
        object? parsed;
        try
        {
            parsed = PyJsonReader.Parse(trimmedLine);
        }
        catch (PyJsonException ex)
        {
            ctx.Issue("parse_error", lineNumber, null, "JSON parse error: " + ex.Message);
            return null;
        }

        if (parsed is not PyJsonObject obj)
        {
            ctx.Issue("parse_error", lineNumber, null, $"Expected a JSON object, got {PyJsonWriter.PythonTypeName(parsed)}; line dropped");
            return null;
        }

        return obj;
    }
}
