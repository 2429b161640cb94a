namespace PiiOrleans.Silo.Gateway.Presidio;

/// <summary>A Presidio request is malformed; the message says which field and what to send instead (answered as 400).</summary>
internal sealed class PresidioRequestException(string message) : Exception(message);
