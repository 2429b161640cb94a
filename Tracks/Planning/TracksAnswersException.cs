namespace PiiOrleans.Tracks.Planning;

/// <summary>The answers file (or an answer) is invalid; the message names the file and key and says what to fix.</summary>
public sealed class TracksAnswersException(string message) : Exception(message);
