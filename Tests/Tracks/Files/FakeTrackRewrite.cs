using PiiOrleans.Tracks.Records;

namespace PiiOrleans.Tests.Tracks.Files;

/// <summary>Fixed decisions and counting pseudonyms for record-level tests.</summary>
internal sealed class FakeTrackRewrite(EmailAction email = EmailAction.Redact, RepairDecision? repair = null) : ITrackDecisions, ITrackPseudonyms
{
    private readonly Dictionary<string, string> _teams = new();
    private readonly Dictionary<string, string> _runs = new();

    public int EmailQuestions { get; private set; }

    public EmailAction Email(string task, string fieldPath, string maskedExample, string relativePath)
    {
        EmailQuestions++;
        return email;
    }

    public RepairDecision Repair(string fieldPath, object? value, string originalTeam, string relativePath, int line) => repair ?? RepairDecision.Keep;

    public string Team(string original) => _teams.TryGetValue(original, out var a) ? a : _teams[original] = $"T{_teams.Count + 1:000}";

    public string Run(string original) => _runs.TryGetValue(original, out var a) ? a : _runs[original] = new[] { "koala", "oak", "tulips" }[_runs.Count];

    public bool IsKnownRun(string original) => _runs.ContainsKey(original);

    public TrackFileContext Context(string task = "task1", string file = "team1-run1") => new($"runs/{task}/{file}", task, file, this, this, null);
}
