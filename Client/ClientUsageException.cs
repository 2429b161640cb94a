namespace PiiOrleans.Client;

/// <summary>The command line or a file it names is unusable (exit code 1); the message says what to change.</summary>
public sealed class ClientUsageException(string message) : Exception(message);
