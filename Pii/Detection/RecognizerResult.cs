namespace PiiOrleans.Pii.Detection;

/// <summary>
/// One detected entity: <see cref="Start"/>/<see cref="End"/> are UTF-16 offsets into the analysed text (end exclusive),
/// <see cref="Score"/> is in [0, 1], <see cref="Recognizer"/> names the recognizer that produced it.
/// </summary>
public readonly record struct RecognizerResult(string EntityType, int Start, int End, double Score, string Recognizer)
{
    /// <summary>Length of the span in UTF-16 code units.</summary>
    public int Length => End - Start;
}
