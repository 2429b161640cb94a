using PiiOrleans.Pii.Anonymization;
using PiiOrleans.Pii.Detection;
using PiiOrleans.Pii.Engine;

namespace PiiOrleans.Tracks.Writing;

/// <summary>
/// <c>--scan-pii</c> through the silo's <see cref="PiiEngine"/>: detect spans in free text and apply the configured
/// operators. Track files are full of lower-case field values ("automatic", "manual", "baseline") that a model can
/// take for an organisation or a name; names, organisations, places and groups are proper nouns, so a hit of those
/// types without a capital letter, or scoring under <see cref="MinNameScore"/>, is not replaced. Validated entities
/// (e-mail, phone, …) are replaced as the engine finds them.
/// </summary>
public sealed class PiiEngineTrackTextEngine(PiiEngine engine) : ITrackTextEngine
{
    /// <summary>Score a name, organisation, place or group needs in track text.</summary>
    public const double MinNameScore = 0.6;

    private static readonly HashSet<string> ProperNounEntities =
        [EntityTypes.Person, EntityTypes.Organization, EntityTypes.Location, EntityTypes.Nrp];

    private readonly AnonymizerEngine _anonymizer = new();

    /// <inheritdoc />
    public string Anonymize(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var hits = engine.Analyze(text);
        hits.RemoveAll(hit => ProperNounEntities.Contains(hit.EntityType)
                              && (hit.Score < MinNameScore || !HasCapital(text.AsSpan(hit.Start, hit.End - hit.Start))));
        return hits.Count == 0 ? text : _anonymizer.Anonymize(text, hits, engine.Operators).Text;
    }

    private static bool HasCapital(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (char.IsUpper(c))
            {
                return true;
            }
        }

        return false;
    }
}
