namespace PiiOrleans.Pii.Detection.Ner;

/// <summary>An entity found by the model: our entity type, UTF-16 offsets (end exclusive) and the mean probability.</summary>
public readonly record struct NerSpan(string EntityType, int Start, int End, double Score);
