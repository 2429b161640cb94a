namespace PiiOrleans.Tracks.Mapping;

/// <summary>A seed was given for an existing database that stores a different one.</summary>
public sealed class SeedMismatchException(string message, string databasePath) : MappingStoreException(message, databasePath);
