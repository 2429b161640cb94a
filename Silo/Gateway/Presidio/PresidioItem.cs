namespace PiiOrleans.Silo.Gateway.Presidio;

/// <summary>One item of an anonymize/deanonymize answer; offsets are into the returned text.</summary>
public sealed record PresidioItem(string Operator, string EntityType, int Start, int End, string Text);
