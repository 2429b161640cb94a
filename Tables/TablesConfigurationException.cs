namespace PiiOrleans.Tables;

/// <summary>The job's PII configuration cannot be used; the message names the file or field and what to fix (no values).</summary>
public sealed class TablesConfigurationException(string message) : Exception(message);
