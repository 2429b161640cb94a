using Orleans;
using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Tracks;
using PiiOrleans.Tracks.Mapping;

namespace PiiOrleans.Grains.Interfaces.Tracks;

/// <summary>The questions of one tracks job and the answers given (key = job id); answers are cached per question key.</summary>
[Alias("piiorleans.tracks.tracks-decision-grain")]
public interface ITracksDecisionGrain : IGrainWithStringKey
{
    /// <summary>Records questions that are open; returns those that still have no answer.</summary>
    Task<IReadOnlyList<TracksQuestion>> Open(IReadOnlyList<TracksQuestion> questions);

    /// <summary>Records answers (later answers for a key replace earlier ones).</summary>
    Task Record(IReadOnlyDictionary<string, string> answers);

    /// <summary>Every answer given in this job, by question key.</summary>
    Task<IReadOnlyDictionary<string, string>> GetAnswers();
}
