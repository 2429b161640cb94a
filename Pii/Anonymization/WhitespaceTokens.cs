namespace PiiOrleans.Pii.Anonymization;

/// <summary>Splits on runs of Unicode whitespace like Python's <c>str.split()</c>, without allocating.</summary>
internal static class WhitespaceTokens
{
    /// <summary>Moves the next token of <paramref name="rest"/> into <paramref name="token"/>; false when none is left.</summary>
    public static bool Next(ref ReadOnlySpan<char> rest, out ReadOnlySpan<char> token)
    {
        var start = 0;
        while (start < rest.Length && char.IsWhiteSpace(rest[start]))
        {
            start++;
        }

        if (start == rest.Length)
        {
            token = default;
            rest = default;
            return false;
        }

        var end = start;
        while (end < rest.Length && !char.IsWhiteSpace(rest[end]))
        {
            end++;
        }

        token = rest[start..end];
        rest = rest[end..];
        return true;
    }
}
