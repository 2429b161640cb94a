namespace PiiOrleans.Silo.Gateway.Presidio;

/// <summary>Presidio's error body: <c>{"error": "…"}</c>.</summary>
public sealed record PresidioError(string Error);
