namespace PiiOrleans.Pii.Configuration;

/// <summary>
/// Our <c>ner</c> section: whether the host plugs in the NER / gazetteer recognizers (PERSON, LOCATION, ORG, NRP),
/// an optional model directory, and the minimum score their results need.
/// </summary>
public sealed record NerSettings(bool Enabled = true, string? ModelPath = null, double MinScore = Detection.Ner.NerSettings.DefaultMinScore)
{
    /// <summary>The built-in defaults.</summary>
    public static NerSettings Default { get; } = new();
}
