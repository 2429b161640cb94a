namespace PiiOrleans.Pii.Detection.Ner;

/// <summary>
/// Tokens [<paramref name="Start"/>, <paramref name="End"/>) of one text, run through the model as one row; the labels
/// of tokens [<paramref name="OwnedStart"/>, <paramref name="OwnedEnd"/>) are taken from this row (windows that overlap
/// share the rest with their neighbours).
/// </summary>
internal readonly record struct NerWindow(int Text, int Start, int End, int OwnedStart, int OwnedEnd)
{
    public int Length => End - Start;
}
