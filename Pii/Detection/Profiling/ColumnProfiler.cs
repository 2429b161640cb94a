using System.Text.RegularExpressions;

namespace PiiOrleans.Pii.Detection.Profiling;

/// <summary>
/// Decides, from a column's name and a sample of its values, whether the column is one entity, free text, or not PII.
/// Order: (1) values that validated recognizers cover whole (e-mail, card, IBAN, IP, SSN, phone, URL, crypto) win;
/// (2) the first column-name rule whose value shape fits; (3) prose → free text; (4) otherwise not PII.
/// ID-like columns (<c>id</c>, <c>*_id</c>, <c>uuid</c>, <c>key</c>) are never PERSON and only (1) applies to them.
/// </summary>
public sealed partial class ColumnProfiler
{
    private const double ShapeQuorum = 0.8;
    private const double CoverageQuorum = 0.7;

    private static readonly HashSet<string> ValidatedEntities =
    [
        EntityTypes.EmailAddress, EntityTypes.CreditCard, EntityTypes.IbanCode, EntityTypes.IpAddress, EntityTypes.UsSsn,
        EntityTypes.PhoneNumber, EntityTypes.Url, EntityTypes.Crypto, EntityTypes.UsItin,
    ];

    private readonly AnalyzerEngine _engine;

    /// <summary>Creates a profiler that scans values with <paramref name="engine"/>.</summary>
    public ColumnProfiler(AnalyzerEngine engine) => _engine = engine;

    /// <summary>Profiles a column; <paramref name="sample"/> is a sample of its values (nulls and blanks are ignored).</summary>
    public ColumnProfile Profile(string columnName, IReadOnlyList<string?> sample)
    {
        var values = sample.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();
        var tokens = new ColumnNameTokens(columnName);
        string compact = tokens.Compact;
        bool idLike = IsIdLike(columnName, tokens);

        var byValue = DominantValidatedEntity(columnName, values);
        if (byValue is { } found && found.Coverage >= CoverageQuorum)
            return new ColumnProfile(columnName, ColumnKind.Entity, found.Entity, Math.Round(found.Coverage, 3), "values are validated " + found.Entity);
        if (idLike)
            return new ColumnProfile(columnName, ColumnKind.NotPii, null, 0.9, "identifier column (key, not a person)");

        foreach (var rule in ColumnNameRules.All)
        {
            if (compact.Length > ColumnNameRule.MaxNameLength || !rule.Name.IsMatch(compact)) continue;
            if (rule.Entity is null)
                return new ColumnProfile(columnName, ColumnKind.NotPii, null, 0.9, "column name: " + rule.Description);
            if (values.Count == 0)
                return new ColumnProfile(columnName, ColumnKind.Entity, rule.Entity, 0.6, "column name: " + rule.Description + " (no values sampled)");
            double fit = rule.Shape is null ? 1.0 : values.Count(rule.Shape) / (double)values.Count;
            if (fit >= ShapeQuorum)
                return new ColumnProfile(columnName, ColumnKind.Entity, rule.Entity, Math.Round(0.6 + 0.4 * fit, 3), "column name and value shape: " + rule.Description);
        }

        if (values.Count > 0 && values.Average(ValueShapes.WordCount) >= 5)
            return new ColumnProfile(columnName, ColumnKind.FreeText, null, 0.8, "values are prose");
        if (byValue is { } weak && weak.Coverage >= 0.3)
            return new ColumnProfile(columnName, ColumnKind.FreeText, null, 0.6, "some values contain " + weak.Entity);
        return new ColumnProfile(columnName, ColumnKind.NotPii, null, values.Count == 0 ? 0.5 : 0.8, "no PII found by name or values");
    }

    /// <summary>True for key columns: <c>id</c>, <c>*_id</c>, <c>*Id</c>, <c>uuid</c>, <c>guid</c>, <c>key</c>, <c>pk</c>.</summary>
    public static bool IsIdLike(string columnName, ColumnNameTokens tokens)
    {
        var words = tokens.Words.ToList();
        if (words.Count == 0) return false;
        string last = words[^1];
        return last is "id" or "uuid" or "guid" or "key" or "pk" or "uid" && !NationalIdNameRegex().IsMatch(tokens.Compact);
    }

    private (string Entity, double Coverage)? DominantValidatedEntity(string columnName, List<string> values)
    {
        if (values.Count == 0) return null;
        var request = new RecognitionRequest(ColumnName: columnName);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string v in values)
        {
            foreach (var r in _engine.Analyze(v, request))
            {
                if (!ValidatedEntities.Contains(r.EntityType) || r.Length < v.Length * 0.9) continue;
                counts[r.EntityType] = counts.GetValueOrDefault(r.EntityType) + 1;
                break;
            }
        }
        if (counts.Count == 0) return null;
        var best = counts.MaxBy(c => c.Value);
        return (best.Key, best.Value / (double)values.Count);
    }

    // national_id, tax_id, passport_id are identity numbers, not keys (the old system skipped them and leaked). A plain
    // alternation of words: linear-time when backtracking too, without the symbolic matcher's memory.
    [GeneratedRegex(@"(?:national|tax|passport|person|citizen|social|ssn|license|licence|document|idcard|identity)", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NationalIdNameRegex();
}
