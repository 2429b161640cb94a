using Orleans;

namespace PiiOrleans.Tracks.Mapping;

/// <summary>The two kinds of pseudonym a mapping store hands out; the value names the <c>invalidated_names.name_type</c>.</summary>
[GenerateSerializer, Alias("piiorleans.tracks.mapping.pseudonym-kind")]
public enum PseudonymKind
{
    /// <summary>Team pseudonyms (<c>T###</c>).</summary>
    Team,

    /// <summary>Run pseudonyms (plantimals, then consonant-vowel names).</summary>
    Run,
}
