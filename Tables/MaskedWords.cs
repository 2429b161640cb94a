namespace PiiOrleans.Tables;

/// <summary>
/// Whether a name hit sits in or next to a masked word or a placeholder: a mask keeps some of a name's shape by design
/// ("Al*** Sm***", where the model may still see "Al"), which is the configured mask's output, not a name left in clear.
/// </summary>
internal static class MaskedWords
{
    /// <summary>True when the hit's words or one word either side hold a mask or placeholder character (*, &lt;, &gt;).</summary>
    public static bool Around(string text, int start, int length)
    {
        var (from, to) = (start, start + length);
        for (var words = 0; words < 2; words++)
        {
            while (from > 0 && char.IsWhiteSpace(text[from - 1]) && words > 0)
            {
                from--;
            }

            while (from > 0 && !char.IsWhiteSpace(text[from - 1]))
            {
                from--;
            }

            while (to < text.Length && char.IsWhiteSpace(text[to]) && words > 0)
            {
                to++;
            }

            while (to < text.Length && !char.IsWhiteSpace(text[to]))
            {
                to++;
            }
        }

        return text.AsSpan(from, to - from).IndexOfAny('*', '<', '>') >= 0;
    }
}
