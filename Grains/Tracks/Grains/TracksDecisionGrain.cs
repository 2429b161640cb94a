using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Grains.Interfaces.Tracks;
using PiiOrleans.Runtime;

namespace PiiOrleans.Grains.Tracks.Grains;

/// <summary>Holds the questions and answers of one tracks job (key = job id), so every answer is asked once per key.</summary>
public sealed class TracksDecisionGrain : Grain, ITracksDecisionGrain
{
    private readonly Dictionary<string, string> _answers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JobQuestion> _questions = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<IReadOnlyList<JobQuestion>> Open(IReadOnlyList<JobQuestion> questions)
    {
        var open = new List<JobQuestion>();
        foreach (var q in questions)
        {
            _questions[q.Key] = q;
            if (!_answers.ContainsKey(q.Key))
            {
                open.Add(q);
            }
        }

        return Task.FromResult<IReadOnlyList<JobQuestion>>(open);
    }

    /// <inheritdoc />
    public Task Record(IReadOnlyDictionary<string, string> answers)
    {
        foreach (var (k, v) in answers)
        {
            _answers[k] = v;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, string>> GetAnswers() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>(_answers, StringComparer.Ordinal));
}
