namespace PiiOrleans.Tracks.Planning;

/// <summary>The input tree cannot be processed as given (a link, no files, bytes that are not UTF-8); the message names the file, never its content.</summary>
public sealed class TracksInputException(string message) : Exception(message);
