namespace PiiOrleans.Pii.Anonymization;

/// <summary>Surrogates <c>&lt;ENTITY_n&gt;</c> numbered per entity type in first-seen order.</summary>
public sealed class PlaceholderSurrogateFactory : ISurrogateFactory
{
    /// <summary>The shared instance (stateless).</summary>
    public static PlaceholderSurrogateFactory Instance { get; } = new();

    /// <inheritdoc />
    public string Create(string entityType, string original, int sequence, int attempt) =>
        attempt == 0 ? $"<{entityType}_{sequence}>" : $"<{entityType}_{sequence}_{attempt}>";
}
