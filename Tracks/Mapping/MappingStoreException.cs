namespace PiiOrleans.Tracks.Mapping;

/// <summary>A mapping database cannot be used as asked; the message names the file and what to do. Never carries PII.</summary>
public class MappingStoreException(string message, string databasePath, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>The mapping database the problem is about.</summary>
    public string DatabasePath { get; } = databasePath;
}
