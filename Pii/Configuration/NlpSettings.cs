using System.Collections.Immutable;

namespace PiiOrleans.Pii.Configuration;

/// <summary>
/// The Presidio <c>nlp</c> section, kept for compatibility and reporting (we have no spaCy; NER is configured
/// in <see cref="NerSettings"/>). <see cref="SupportedLanguages"/> must contain the language texts are analysed in.
/// </summary>
public sealed record NlpSettings(
    string EngineName,
    string ModelName,
    ImmutableArray<string> SupportedLanguages,
    ImmutableDictionary<string, string> CustomModels)
{
    /// <summary>The built-in defaults (<c>spacy</c>, <c>en_core_web_sm</c>, English).</summary>
    public static NlpSettings Default { get; } =
        new("spacy", "en_core_web_sm", ["en"], ImmutableDictionary<string, string>.Empty.Add("en", "en_core_web_sm"));
}
