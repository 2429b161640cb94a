namespace PiiOrleans.Tracks.Mapping;

/// <summary>
/// Python's string order: by Unicode code point. Equal to <see cref="StringComparer.Ordinal"/> except that astral
/// characters sort after U+E000..U+FFFF, as they do in Python.
/// </summary>
public sealed class PythonStringComparer : IComparer<string>
{
    /// <summary>The shared instance.</summary>
    public static PythonStringComparer Instance { get; } = new();

    /// <inheritdoc />
    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        int i = 0;
        int j = 0;
        while (i < x.Length && j < y.Length)
        {
            int a = CodePointAt(x, i);
            int b = CodePointAt(y, j);
            if (a != b)
            {
                return a.CompareTo(b);
            }

            i += a > 0xFFFF ? 2 : 1;
            j += b > 0xFFFF ? 2 : 1;
        }

        return (x.Length - i).CompareTo(y.Length - j);
    }

    private static int CodePointAt(string text, int index) =>
        char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1])
            ? char.ConvertToUtf32(text[index], text[index + 1])
            : text[index];
}
