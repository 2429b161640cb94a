namespace PiiOrleans.Pii.Detection;

/// <summary>An invalid detection setting (a bad regex, a threshold out of range); <see cref="Field"/> names the setting.</summary>
public sealed class DetectionConfigurationException : Exception
{
    /// <summary>Creates the exception for <paramref name="field"/>.</summary>
    public DetectionConfigurationException(string field, string message, Exception? inner = null)
        : base($"{field}: {message}", inner) => Field = field;

    /// <summary>The configuration path of the offending setting, e.g. <c>entities.credit_card.regex_patterns[0].regex</c>.</summary>
    public string Field { get; }
}
