using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using PiiOrleans.Pii.Detection;
using PiiOrleans.Pii.Engine;
using PiiOrleans.Silo.Gateway.Presidio;

namespace PiiOrleans.Tests.Silo.Presidio;

/// <summary>
/// Issue 16, case 4: one request cannot hold the silo — too much text is a 413 with a message, an analysis that runs
/// out of time is stopped and answered 503, and an analysis whose client disconnected stops.
/// </summary>
public sealed class PresidioLimitsTests
{
    // Each call takes 100 ms: 60 of them are 6 s of work for one request unless the analysis stops.
    private const int SlowRecognizers = 60;

    [Fact]
    public async Task Issue16_case4_text_over_the_limit_gets_a_413_with_a_message()
    {
        await using var app = await PresidioWebApp.StartAsync(PiiEngine.Create(), false, new PresidioLimits(100, TimeSpan.FromSeconds(30)));

        using var analyze = await app.Client.PostAsJsonAsync("analyze", new { text = new string('a', 101), language = "en" });
        using var batch = await app.Client.PostAsJsonAsync("analyze", new { text = new[] { new string('a', 60), new string('b', 60) }, language = "en" });
        using var anonymize = await app.Client.PostAsJsonAsync("anonymize", new { text = new string('a', 101), analyzer_results = Array.Empty<object>() });
        using var fits = await app.Client.PostAsJsonAsync("analyze", new { text = new string('a', 100), language = "en" });

        foreach (var response in new[] { analyze, batch, anonymize })
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString();
            Assert.Contains(PresidioLimits.MaxTextLengthKey, error);
        }

        Assert.Equal(HttpStatusCode.OK, fits.StatusCode);
    }

    [Fact]
    public async Task Issue16_case4_an_analysis_over_the_time_limit_is_stopped_and_answered_503()
    {
        var slow = new SlowRecognizer();
        await using var app = await PresidioWebApp.StartAsync(Engine(slow), false, new PresidioLimits(1000, TimeSpan.FromMilliseconds(300)));

        var stopwatch = Stopwatch.StartNew();
        using var response = await app.Client.PostAsJsonAsync("analyze", new { text = "Call Anna tomorrow", language = "en" });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString();
        Assert.Contains(PresidioLimits.AnalysisTimeoutKey, error);
        Assert.DoesNotContain("Anna", error);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(3), $"answered after {stopwatch.Elapsed}");
        Assert.True(slow.Calls < SlowRecognizers, $"{slow.Calls} recognizers ran");
    }

    [Fact]
    public async Task Issue16_case4_an_analysis_stops_when_its_client_disconnects()
    {
        var slow = new SlowRecognizer();
        await using var app = await PresidioWebApp.StartAsync(Engine(slow), false, new PresidioLimits(1000, TimeSpan.FromMinutes(5)));

        using (var gone = new CancellationTokenSource(TimeSpan.FromMilliseconds(300)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                app.Client.PostAsJsonAsync("analyze", new { text = "Call Anna tomorrow", language = "en" }, gone.Token));
        }

        // The server notices the disconnect and the analysis stops within a recognizer or two.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var settled = slow.Calls;
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(settled, slow.Calls);
        Assert.True(settled < SlowRecognizers / 2, $"{settled} recognizers ran");
    }

    [Fact]
    public void Issue16_case4_limits_come_from_configuration_and_default_to_a_million_characters_and_30_seconds()
    {
        var configured = PresidioLimits.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [PresidioLimits.MaxTextLengthKey] = "5000",
            [PresidioLimits.AnalysisTimeoutKey] = "2.5",
        }).Build());

        Assert.Equal(new PresidioLimits(5000, TimeSpan.FromSeconds(2.5)), configured);
        Assert.Equal(PresidioLimits.Default, PresidioLimits.From(new ConfigurationBuilder().Build()));
        Assert.Equal(TimeSpan.FromSeconds(30), PresidioLimits.Default.AnalysisTimeout);
        var bad = Assert.Throws<InvalidOperationException>(() => PresidioLimits.From(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [PresidioLimits.AnalysisTimeoutKey] = "-1" }).Build()));
        Assert.Contains(PresidioLimits.AnalysisTimeoutKey, bad.Message);
    }

    [Fact]
    public void Issue16_case4_the_engine_analysis_takes_a_cancellation_token()
    {
        var slow = new SlowRecognizer();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => Engine(slow).Analyze("Call Anna", null, null, null, cancelled.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => Engine(slow).AnalyzeBatch(["Call Anna", "Call Bob"], null, null, cancelled.Token));
        Assert.Equal(0, slow.Calls);
    }

    private static PiiEngine Engine(SlowRecognizer slow) =>
        PiiEngine.Create(null, Enumerable.Range(0, SlowRecognizers).Select(i => new SlowRecognizer.Instance(slow, "slow" + i)));

    // Counts the calls of all its instances (each registered recognizer needs its own name).
    private sealed class SlowRecognizer
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public sealed class Instance(SlowRecognizer counter, string name) : IEntityRecognizer
        {
            public string Name => name;

            public IReadOnlyList<string> SupportedEntities { get; } = ["PERSON"];

            public void Analyze(string text, RecognitionRequest request, List<RecognizerResult> results)
            {
                Interlocked.Increment(ref counter._calls);
                Thread.Sleep(100);
            }
        }
    }
}
