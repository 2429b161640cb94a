using PiiOrleans.Pii.Detection;
using PiiOrleans.Pii.Detection.Profiling;

namespace PiiOrleans.Tables;

/// <summary>
/// Whether a column that the profile found no PII in must still get span detection. The profile looks at a sample and
/// at the name; a short or neutrally named text column (<c>contact</c>, <c>notes</c>, <c>where</c>, <c>имя</c>) can
/// hold names it does not recognise. So every column is scanned unless the profile proves it holds no free text: a
/// key column (<c>id</c>, <c>*_id</c>, <c>uuid</c>…), or sampled values none of which has a letter (numbers, dates,
/// codes). A column without sampled values proves nothing (its first rows may be empty); scanning it costs nothing
/// for its NULL and numeric cells, which free-text treatment never analyses.
/// </summary>
public static class TextColumnScan
{
    /// <summary>True when column <paramref name="columnName"/> with values <paramref name="sample"/> must be scanned.</summary>
    public static bool Required(string columnName, IReadOnlyList<string> sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (ColumnProfiler.IsIdLike(columnName, new ColumnNameTokens(columnName)))
        {
            return false;
        }

        return sample.Count == 0 || sample.Any(v => v.Any(char.IsLetter));
    }
}
