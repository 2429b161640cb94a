namespace PiiOrleans.Tracks.Records;

/// <summary>Looks up stored repair rules: the team's rule first, then the global one (spec §7.3).</summary>
public sealed class RepairRuleBook
{
    private readonly Dictionary<(string Hash, string Team), TrackRepairRule> _rules = new();

    /// <summary>Indexes <paramref name="rules"/>; a later duplicate replaces an earlier one.</summary>
    public RepairRuleBook(IEnumerable<TrackRepairRule> rules)
    {
        foreach (var r in rules)
        {
            _rules[(r.PatternHash, r.TeamId ?? string.Empty)] = r;
        }
    }

    /// <summary>An empty book.</summary>
    public static RepairRuleBook Empty { get; } = new([]);

    /// <summary>The rule for <paramref name="patternHash"/> and the record's original team, or null.</summary>
    public RepairDecision? Find(string patternHash, string originalTeam)
    {
        if (originalTeam.Length > 0 && _rules.TryGetValue((patternHash, originalTeam), out var teamRule))
        {
            return teamRule.Decision;
        }

        return _rules.TryGetValue((patternHash, string.Empty), out var global) ? global.Decision : null;
    }
}
