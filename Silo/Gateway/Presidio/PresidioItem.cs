namespace PiiOrleans.Silo.Gateway.Presidio;

/// <summary>One item of an anonymize/deanonymize answer, keys in Presidio's order; offsets are into the returned text.</summary>
public sealed record PresidioItem(int Start, int End, string EntityType, string Text, string Operator);
