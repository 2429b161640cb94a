using PiiOrleans.Pii.Detection;

namespace PiiOrleans.Pii.Evaluation;

/// <summary>
/// Maps presidio-research labels to ours: ADDRESS/STREET_ADDRESS/GPE → LOCATION, DOMAIN_NAME → URL, ORG → ORGANIZATION,
/// PER → PERSON; TITLE and PREFIX (honorifics, job titles) are not PII entities here and are dropped (null).
/// </summary>
public static class EntityLabelMap
{
    /// <summary>Our entity type for a dataset label, or null when the label is not evaluated.</summary>
    public static string? Map(string label) => label.ToUpperInvariant() switch
    {
        "ADDRESS" or "STREET_ADDRESS" or "GPE" or "LOC" or "LOCATION" => EntityTypes.Location,
        "DOMAIN_NAME" or "URL" => EntityTypes.Url,
        "ORG" or "ORGANIZATION" => EntityTypes.Organization,
        "PER" or "PERSON" => EntityTypes.Person,
        "TITLE" or "PREFIX" or "O" => null,
        var other => other,
    };
}
