namespace PiiOrleans.Grains.Interfaces.Tracks.Mapping;

/// <summary>The two kinds of pseudonym a mapping store hands out; the value names the <c>invalidated_names.name_type</c>.</summary>
public enum PseudonymKind
{
    /// <summary>Team pseudonyms (<c>T###</c>).</summary>
    Team,

    /// <summary>Run pseudonyms (plantimals, then consonant-vowel names).</summary>
    Run,
}
