using PiiOrleans.Client.Connection;
using PiiOrleans.Client.Watching;
using PiiOrleans.Grains.Interfaces.Jobs;
using PiiOrleans.Tests.Silo;
using PiiOrleans.Tests.Silo.TestJobs;

namespace PiiOrleans.Tests.Client;

/// <summary>The watcher against a real silo, with a renderer that can prompt (as on a terminal).</summary>
public sealed class JobWatcherTests(SiloFixture silo) : IClassFixture<SiloFixture>
{
    private sealed class PromptingRenderer(string answer) : IJobEventRenderer
    {
        public List<string> Kinds { get; } = [];

        public List<string> Prompted { get; } = [];

        public bool CanPrompt => true;

        public void Render(JobEvent jobEvent) => Kinds.Add(jobEvent.Kind);

        public Task<string?> PromptAsync(JobQuestion question, CancellationToken cancellationToken)
        {
            Prompted.Add(question.Key);
            return Task.FromResult<string?>(answer);
        }

        public void ReportUnanswered(string jobId, IReadOnlyList<JobQuestion> questions) => throw new InvalidOperationException("nothing should stay unanswered");

        public void Note(string message)
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Questions_the_answer_provider_leaves_open_are_prompted()
    {
        using var connection = new SiloConnection(silo.Address);
        var renderer = new PromptingRenderer("blue");
        var submitted = await connection.SubmitAsync(new JobSubmission(QuestionJobRunner.TypeName, default), CancellationToken.None);

        var result = await new JobWatcher(connection, renderer, new JobWatchOptions { AnswerProvider = _ => null })
            .WatchAsync(submitted.Id, CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["color"], renderer.Prompted);
        Assert.Equal("blue", result.Status!.Result!.Value.GetProperty("answer").GetString());
        Assert.Equal(JobEventKinds.Completed, renderer.Kinds[^1]);
    }

    [Fact]
    public async Task The_answer_provider_wins_over_the_prompt()
    {
        using var connection = new SiloConnection(silo.Address);
        var renderer = new PromptingRenderer("blue");
        var submitted = await connection.SubmitAsync(new JobSubmission(QuestionJobRunner.TypeName, default), CancellationToken.None);

        var result = await new JobWatcher(connection, renderer, new JobWatchOptions { AnswerProvider = q => q.Key == "color" ? "red" : null })
            .WatchAsync(submitted.Id, CancellationToken.None);

        Assert.Empty(renderer.Prompted);
        Assert.Equal("red", result.Status!.Result!.Value.GetProperty("answer").GetString());
    }
}
