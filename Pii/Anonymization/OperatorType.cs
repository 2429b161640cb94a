namespace PiiOrleans.Pii.Anonymization;

/// <summary>Whether an operator hides values (anonymize) or restores them (deanonymize), as in Presidio.</summary>
public enum OperatorType
{
    /// <summary>Hides or transforms the value.</summary>
    Anonymize,

    /// <summary>Restores a value an anonymizer produced (decrypt, depseudonymize).</summary>
    Deanonymize,
}
