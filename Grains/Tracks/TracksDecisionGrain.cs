using Orleans;
using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Grains.Interfaces.Tracks;
using PiiOrleans.Tracks;

namespace PiiOrleans.Grains.Tracks;

/// <summary>Holds the questions and answers of one tracks job (key = job id), so every answer is asked once per key.</summary>
public sealed class TracksDecisionGrain : Grain, ITracksDecisionGrain
{
    private readonly Dictionary<string, string> _answers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TracksQuestion> _questions = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<IReadOnlyList<TracksQuestion>> Open(IReadOnlyList<TracksQuestion> questions)
    {
        var open = new List<TracksQuestion>();
        foreach (var q in questions)
        {
            _questions[q.Key] = q;
            if (!_answers.ContainsKey(q.Key))
            {
                open.Add(q);
            }
        }

        return Task.FromResult<IReadOnlyList<TracksQuestion>>(open);
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
