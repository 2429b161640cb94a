namespace PiiOrleans.Pii.Anonymization;

/// <summary>One mapping of a pseudonym store: the entity type, the original value and its surrogate.</summary>
public sealed record PseudonymEntry(string EntityType, string Original, string Surrogate);
