using PiiOrleans.Pii.Anonymization;

namespace PiiOrleans.Silo.Gateway.Presidio;

/// <summary>The <c>POST /anonymize</c> and <c>POST /deanonymize</c> answer: the new text and the rewritten items.</summary>
public sealed record PresidioAnonymizeResponse(string Text, IReadOnlyList<PresidioItem> Items)
{
    /// <summary>Converts an engine result.</summary>
    public static PresidioAnonymizeResponse From(AnonymizerResult result) =>
        new(result.Text, [.. result.Items.Select(i => new PresidioItem(i.Operator, i.EntityType, i.Start, i.End, i.Text))]);
}
