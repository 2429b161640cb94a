using System.Text.RegularExpressions;

namespace PiiOrleans.Pii.Detection;

/// <summary>One regex of a pattern recognizer with the base score a match gets before validation and context.</summary>
public sealed record RecognizerPattern(string Name, Regex Regex, double Score);
