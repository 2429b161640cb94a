namespace PiiOrleans.Tracks.Records;

/// <summary>Team and run pseudonyms for rewriting. While planning it records the originals in first-seen order.</summary>
public interface ITrackPseudonyms
{
    /// <summary>The <c>T###</c> pseudonym of a team.</summary>
    string Team(string original);

    /// <summary>The plantimal pseudonym of a run.</summary>
    string Run(string original);

    /// <summary>True when the run already has a pseudonym (in the store or allocated by this job).</summary>
    bool IsKnownRun(string original);
}
