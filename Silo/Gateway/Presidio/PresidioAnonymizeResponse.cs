using PiiOrleans.Pii.Anonymization;

namespace PiiOrleans.Silo.Gateway.Presidio;

/// <summary>
/// The <c>POST /anonymize</c> and <c>POST /deanonymize</c> answer: the new text and the rewritten items, listed from the
/// end of the text to its start as Presidio lists them (it rewrites from the end).
/// </summary>
public sealed record PresidioAnonymizeResponse(string Text, IReadOnlyList<PresidioItem> Items)
{
    /// <summary>Converts an engine result.</summary>
    public static PresidioAnonymizeResponse From(AnonymizerResult result) =>
        new(result.Text, [.. result.Items.Reverse().Select(i => new PresidioItem(i.Start, i.End, i.EntityType, i.Text, i.Operator))]);
}
