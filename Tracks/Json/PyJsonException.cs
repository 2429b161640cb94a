namespace PiiOrleans.Tracks.Json;

/// <summary>A line is not valid JSON; the message is shaped like Python's (e.g. "Expecting value: line 1 column 1 (char 0)").</summary>
internal sealed class PyJsonException(string message) : Exception(message);
