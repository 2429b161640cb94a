namespace PiiOrleans.Runtime;

/// <summary>The grain classes registered at start-up are not usable (missing or ambiguous implementation, bad method signature).</summary>
public sealed class GrainRegistrationException(string message) : Exception(message);
