using System.Collections.Immutable;
using System.Text;
using PiiOrleans.Pii.Detection;

namespace PiiOrleans.Pii.Anonymization;

/// <summary>
/// Rewrites a text given the analyzer's spans: each span is replaced by its entity's operator output, the rest of
/// the text is kept. Overlaps are resolved first (<see cref="SpanConflictResolver"/>). Fails closed: if an operator
/// throws, the span becomes <c>&lt;ENTITY_TYPE&gt;</c> instead of staying in clear.
/// </summary>
public sealed class AnonymizerEngine
{
    /// <summary>Anonymizes <paramref name="text"/> with the operators of <paramref name="operators"/>.</summary>
    public AnonymizerResult Anonymize(string text, IReadOnlyList<RecognizerResult> results, OperatorMap operators)
    {
        if (results.Count == 0)
        {
            return new AnonymizerResult(text, []);
        }

        var spans = SpanConflictResolver.Resolve(results, text.Length);
        return Rewrite(text, spans, operators, failClosed: true);
    }

    /// <summary>
    /// Anonymizes <paramref name="text"/> with overlaps resolved by <paramref name="resolution"/>. With
    /// <see cref="ConflictResolution.Presidio"/> operator errors propagate (the caller answers them) and a span that
    /// partially overlaps the next one is replaced up to where the next begins, as Presidio does.
    /// </summary>
    public AnonymizerResult Anonymize(string text, IReadOnlyList<RecognizerResult> results, OperatorMap operators, ConflictResolution resolution)
    {
        if (resolution == ConflictResolution.MergeOverlaps)
        {
            return Anonymize(text, results, operators);
        }

        SpanConflictResolver.CheckBounds(results, text.Length);
        return Rewrite(text, PresidioConflictResolver.Resolve(results, text), operators, failClosed: false);
    }

    /// <summary>
    /// Anonymizes a value that is entirely one <paramref name="entityType"/>: the same result as <see cref="Anonymize"/>
    /// with one span over the whole value, without the span bookkeeping (table columns call it once per cell).
    /// </summary>
    public AnonymizerResult AnonymizeWhole(string text, string entityType, OperatorMap operators)
    {
        if (text.Length == 0)
        {
            return new AnonymizerResult(text, []);
        }

        var replacement = OperateWhole(text, entityType, operators, out var operatorName);
        return new AnonymizerResult(replacement, [new AnonymizedItem(0, replacement.Length, entityType, replacement, operatorName)]);
    }

    /// <summary>
    /// The text <see cref="AnonymizeWhole"/> produces, without the result record (table cells need only the text).
    /// Fails closed like it: an operator error gives <c>&lt;ENTITY_TYPE&gt;</c>.
    /// </summary>
    public string OperateWhole(string text, string entityType, OperatorMap operators, out string operatorName)
    {
        var bound = operators.For(entityType);
        operatorName = bound.Name;
        try
        {
            return bound.Operate(text);
        }
        catch (Exception)
        {
            operatorName = "replace";
            return $"<{entityType}>";
        }
    }

    /// <summary>
    /// Reverses earlier anonymization: <paramref name="entities"/> are spans of <paramref name="text"/> (an anonymizer's
    /// output items) and <paramref name="operators"/> holds deanonymizers (decrypt, depseudonymize). Errors propagate.
    /// </summary>
    public AnonymizerResult Deanonymize(string text, IReadOnlyList<RecognizerResult> entities, OperatorMap operators)
    {
        var spans = SpanConflictResolver.Resolve(entities, text.Length);
        return Rewrite(text, spans, operators, failClosed: false);
    }

    private static AnonymizerResult Rewrite(string text, List<RecognizerResult> spans, OperatorMap operators, bool failClosed)
    {
        var output = new StringBuilder(text.Length + 16 * spans.Count);
        var items = ImmutableArray.CreateBuilder<AnonymizedItem>(spans.Count);
        var copied = 0;
        for (var i = 0; i < spans.Count; i++)
        {
            var span = spans[i];
            output.Append(text, copied, span.Start - copied);
            var bound = operators.For(span.EntityType);
            string replacement;
            var operatorName = bound.Name;
            try
            {
                replacement = bound.Operate(text.Substring(span.Start, span.Length));
            }
            catch (Exception) when (failClosed)
            {
                replacement = $"<{span.EntityType}>";
                operatorName = "replace";
            }

            var start = output.Length;
            output.Append(replacement);
            items.Add(new AnonymizedItem(start, output.Length, span.EntityType, replacement, operatorName));
            // Only Presidio-resolved spans can overlap the next one: the next replacement owns the shared characters.
            copied = i + 1 < spans.Count ? Math.Max(span.Start, Math.Min(span.End, spans[i + 1].Start)) : span.End;
        }

        output.Append(text, copied, text.Length - copied);
        return new AnonymizerResult(output.ToString(), items.MoveToImmutable());
    }
}
