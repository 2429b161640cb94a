using System.Text.Json.Serialization;

namespace PiiOrleans.Silo.Gateway.Presidio;

/// <summary>
/// Presidio's <c>analysis_explanation</c> (returned with <c>return_decision_process</c>): which recognizer found the
/// entity, its score before and after context, and the context word that raised it. Unknown parts are null, as in Presidio.
/// </summary>
public sealed record PresidioAnalysisExplanation(
    string Recognizer,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? PatternName,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Pattern,
    double OriginalScore,
    double Score,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? TextualExplanation,
    double ScoreContextImprovement,
    string SupportiveContextWord,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] bool? ValidationResult);
