using System.Collections.Frozen;
using System.Text.RegularExpressions;
using PiiOrleans.Pii.Detection.Recognizers;

namespace PiiOrleans.Pii.Detection;

/// <summary>The prepared per-entity rules the analyzer applies after recognition: context words, allow list, threshold.</summary>
internal sealed class EntityRules
{
    private readonly FrozenSet<string> _allowExact;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _allowLookup;
    private readonly Regex[] _allowPatterns;

    public EntityRules(string entity, double threshold, ContextWords context, EntityDetectionSettings? settings)
    {
        if (threshold is < 0 or > 1 || double.IsNaN(threshold))
            throw new DetectionConfigurationException($"entities[{entity}].confidence_threshold", "threshold must be between 0 and 1.");
        Threshold = threshold;
        Context = context;
        _allowExact = (settings?.AllowList ?? []).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _allowLookup = _allowExact.GetAlternateLookup<ReadOnlySpan<char>>();
        _allowPatterns = (settings?.AllowListPatterns ?? [])
            .Select((p, i) => CustomPatternRecognizer.CompileUserRegex("^(?:" + p + ")$", $"entities[{entity}].allow_list_regex[{i}]"))
            .ToArray();
    }

    public double Threshold { get; }

    public ContextWords Context { get; }

    public bool IsAllowed(ReadOnlySpan<char> value)
    {
        if (_allowExact.Count > 0 && _allowLookup.Contains(value)) return true;
        foreach (var r in _allowPatterns) if (r.IsMatch(value)) return true;
        return false;
    }
}
