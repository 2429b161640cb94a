namespace PiiOrleans.Pii.Detection;

/// <summary>
/// Cheap facts about a text, computed once per text, that let recognizers skip texts they cannot match
/// (no digit means no phone, card or SSN; no '@' means no e-mail).
/// </summary>
[Flags]
public enum TextTraits
{
    /// <summary>No trait: recognizers requiring nothing always run.</summary>
    None = 0,
    /// <summary>Contains an ASCII digit.</summary>
    Digit = 1,
    /// <summary>Contains '@'.</summary>
    At = 2,
    /// <summary>Contains '.'.</summary>
    Dot = 4,
    /// <summary>Contains ':'.</summary>
    Colon = 8,
    /// <summary>Contains a currency symbol.</summary>
    Currency = 16,

    /// <summary>At least five ASCII digits in a row (licence, passport and account numbers need them).</summary>
    DigitRun5 = 32,
}
