using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Grains.Interfaces.Tracks;
using PiiOrleans.Grains.Jobs;
using PiiOrleans.Grains.Security;
using PiiOrleans.Grains.Tracks;
using PiiOrleans.Tests.Hosting;
using PiiOrleans.Tracks;
using PiiOrleans.Tracks.Writing;

namespace PiiOrleans.Tests.Tracks.Pipeline;

/// <summary>Runs the tracks job runner on a test cluster with a scripted job context (answers come from a function).</summary>
internal sealed class TracksJobHarness : IAsyncDisposable
{
    private readonly TestCluster _cluster;

    private TracksJobHarness(TestCluster cluster) => _cluster = cluster;

    public static async Task<TracksJobHarness> StartAsync(ITrackTextEngine? engine = null) =>
        new(await TestCluster.StartAsync(
            s =>
            {
                if (engine is not null)
                {
                    s.AddSingleton(engine);
                }

                s.AddTracksPipeline();
            }));

    public IGrainFactory GrainFactory => _cluster.GrainFactory;

    /// <summary>The data roots the runner checks paths against (the embedded client's: unrestricted, unless a test confines it).</summary>
    public JobDataRoots Roots { get; set; } = JobDataRoots.Unrestricted;

    public async Task<(JobOutcome Outcome, TracksJobResult Result, ScriptedJobContext Context)> RunAsync(
        TracksJobParameters parameters, Func<JobQuestion, string?>? answer = null, ScriptedJobContext? context = null)
    {
        context ??= new ScriptedJobContext(_cluster.GrainFactory, answer);
        var runner = new TracksJobRunner(_cluster.Services.GetRequiredService<TrackRewriteSessions>(), Roots);
        var outcome = await runner.RunAsync(context, JsonSerializer.SerializeToElement(parameters, TracksJson.Options), CancellationToken.None);
        return (outcome, outcome.Result.Deserialize<TracksJobResult>(TracksJson.Options)!, context);
    }

    public ValueTask DisposeAsync() => _cluster.DisposeAsync();

    /// <summary>A job context whose questions are answered by a function (null = no answer).</summary>
    internal sealed class ScriptedJobContext(IGrainFactory factory, Func<JobQuestion, string?>? answer) : IJobContext
    {
        public string JobId { get; init; } = "job-" + Guid.NewGuid().ToString("N")[..8];

        public int Attempt { get; init; } = 1;

        public JsonElement? Checkpoint { get; init; }

        public IGrainFactory GrainFactory => factory;

        public List<JobQuestion> Asked { get; } = [];

        public List<string> Warnings { get; } = [];

        public void ReportProgress(string scope, object data)
        {
        }

        public void IncrementCounter(string name, long delta = 1)
        {
        }

        public void Warn(string code, string message) => Warnings.Add(code);

        public Task<IReadOnlyDictionary<string, string>> AskAsync(IReadOnlyList<JobQuestion> questions, CancellationToken cancellationToken)
        {
            Asked.AddRange(questions);
            var given = new Dictionary<string, string>();
            foreach (var q in questions)
            {
                if (answer?.Invoke(q) is { } a)
                {
                    given[q.Key] = a;
                }
            }

            return Task.FromResult<IReadOnlyDictionary<string, string>>(given);
        }
    }
}
