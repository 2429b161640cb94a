namespace PiiOrleans.Pii.Anonymization;

/// <summary>How <see cref="PseudonymizeOperator"/> builds surrogates.</summary>
public enum PseudonymMode
{
    /// <summary>Numbered placeholders: <c>&lt;PERSON_1&gt;</c>, <c>&lt;PERSON_2&gt;</c>, … (unique by construction).</summary>
    Placeholder,

    /// <summary>Realistic fake values of the same shape, deterministic given the job seed.</summary>
    Fake,
}
