using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Runtime;

namespace PiiOrleans.Grains.Interfaces.Tracks;

/// <summary>The questions of one tracks job and the answers given (key = job id); answers are cached per question key.</summary>
public interface ITracksDecisionGrain : IGrainWithStringKey
{
    /// <summary>Records questions that are open; returns those that still have no answer.</summary>
    Task<IReadOnlyList<JobQuestion>> Open(IReadOnlyList<JobQuestion> questions);

    /// <summary>Records answers (later answers for a key replace earlier ones).</summary>
    Task Record(IReadOnlyDictionary<string, string> answers);

    /// <summary>Every answer given in this job, by question key.</summary>
    Task<IReadOnlyDictionary<string, string>> GetAnswers();
}
