using System.Buffers;
using System.Text.RegularExpressions;

namespace PiiOrleans.Pii.Detection;

/// <summary>
/// One regex of a pattern recognizer with the base score a match gets before validation and context.
/// <see cref="RequiredTraits"/> and <see cref="Keywords"/> are necessary conditions of a match: a text lacking them is
/// not scanned with this regex.
/// </summary>
public sealed record RecognizerPattern(string Name, Regex Regex, double Score)
{
    /// <summary>Traits every text with a match has (all of them); None = no condition.</summary>
    public TextTraits RequiredTraits { get; init; }

    /// <summary>Strings one of which every match contains (null = no condition).</summary>
    public SearchValues<string>? Keywords { get; init; }

    /// <summary>True when <paramref name="text"/> with <paramref name="traits"/> can contain a match.</summary>
    public bool MayMatch(string text, TextTraits traits) =>
        (traits & RequiredTraits) == RequiredTraits && (Keywords is null || text.AsSpan().IndexOfAny(Keywords) >= 0);
}
