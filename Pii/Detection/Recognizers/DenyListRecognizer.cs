namespace PiiOrleans.Pii.Detection.Recognizers;

/// <summary>Reports configured literal terms (case-insensitive, not inside a longer word) as one entity with score 1.0 (or the given score).</summary>
public sealed class DenyListRecognizer : IEntityRecognizer
{
    private readonly string[] _terms;
    private readonly string[] _supported;
    private readonly double _score;

    /// <summary>Creates the recognizer for <paramref name="entity"/>.</summary>
    public DenyListRecognizer(string entity, IEnumerable<string> terms)
        : this(entity, terms, $"DenyListRecognizer_{entity}", 1.0)
    {
    }

    /// <summary>Creates the recognizer named <paramref name="name"/> whose matches score <paramref name="score"/> (Presidio's <c>deny_list_score</c>).</summary>
    public DenyListRecognizer(string entity, IEnumerable<string> terms, string name, double score)
    {
        Entity = entity;
        _terms = terms.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        _supported = [entity];
        Name = name;
        _score = score;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The entity the terms are reported as.</summary>
    public string Entity { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> SupportedEntities => _supported;

    /// <inheritdoc />
    public void Analyze(string text, RecognitionRequest request, List<RecognizerResult> results)
    {
        if (!request.Wants(Entity)) return;
        foreach (string term in _terms)
        {
            int from = 0;
            while (from <= text.Length - term.Length)
            {
                int at = text.IndexOf(term, from, StringComparison.OrdinalIgnoreCase);
                if (at < 0) break;
                int end = at + term.Length;
                bool startOk = at == 0 || !char.IsLetterOrDigit(text[at - 1]) || !char.IsLetterOrDigit(term[0]);
                bool endOk = end == text.Length || !char.IsLetterOrDigit(text[end]) || !char.IsLetterOrDigit(term[^1]);
                if (startOk && endOk) results.Add(new RecognizerResult(Entity, at, end, _score, Name));
                from = at + 1;
            }
        }
    }
}
