namespace PiiOrleans.Client.Connection;

/// <summary>The silo could not be reached (exit code 2); the message says where the client looked and what to do.</summary>
public sealed class SiloUnreachableException(string message, Exception? inner = null) : Exception(message, inner);
