namespace PiiOrleans.Silo.Tee;

/// <summary>The Query Engine did not deliver the query results; the message follows the old job's texts (spec §2.5).</summary>
public sealed class QueryEngineException(string message, Exception? inner = null) : Exception(message, inner);
