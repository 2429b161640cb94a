using System.Text.Json.Serialization;

namespace PiiOrleans.Silo.Gateway.Presidio;

/// <summary>
/// One <c>POST /analyze</c> result as Presidio returns it: keys in Presidio's (sorted) order, UTF-16 offsets with end
/// exclusive, and <c>analysis_explanation</c> always present (null unless <c>return_decision_process</c> was asked).
/// </summary>
public sealed record PresidioAnalyzerResult(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] PresidioAnalysisExplanation? AnalysisExplanation,
    int End,
    string EntityType,
    double Score,
    int Start);
