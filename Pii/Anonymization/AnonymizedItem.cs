namespace PiiOrleans.Pii.Anonymization;

/// <summary>
/// One rewritten span of an anonymizer result (Presidio's <c>items</c>): <see cref="Start"/>/<see cref="End"/> are UTF-16
/// offsets into the OUTPUT text, <see cref="Text"/> is the replacement, <see cref="Operator"/> the operator that made it.
/// </summary>
public sealed record AnonymizedItem(int Start, int End, string EntityType, string Text, string Operator);
