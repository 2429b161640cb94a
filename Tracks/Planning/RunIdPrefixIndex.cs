namespace PiiOrleans.Tracks.Planning;

/// <summary>
/// Longest-known-run-id matching of file names (spec §11): a known run id matches when it equals the name or the name
/// starts with it followed by '.'; the rest is the judge suffix (including its leading dot).
/// </summary>
public sealed class RunIdPrefixIndex
{
    private readonly string[] _byLengthDesc;

    /// <summary>Indexes <paramref name="runIds"/>.</summary>
    public RunIdPrefixIndex(IEnumerable<string> runIds)
    {
        _byLengthDesc = runIds.Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        // Longest first; equal lengths in ordinal order so the result never depends on insertion order.
        Array.Sort(_byLengthDesc, (a, b) => a.Length != b.Length ? b.Length.CompareTo(a.Length) : string.CompareOrdinal(a, b));
    }

    /// <summary>The longest known run id that prefixes <paramref name="fileName"/>, with the remaining suffix; null when none.</summary>
    public (string RunId, string Suffix)? LongestPrefix(string fileName)
    {
        foreach (string r in _byLengthDesc)
        {
            if (r.Length > fileName.Length)
            {
                continue;
            }

            if (fileName.Length == r.Length ? fileName == r : fileName[r.Length] == '.' && fileName.StartsWith(r, StringComparison.Ordinal))
            {
                return (r, fileName[r.Length..]);
            }
        }

        return null;
    }
}
