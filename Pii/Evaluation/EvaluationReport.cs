using System.Globalization;
using System.Text;

namespace PiiOrleans.Pii.Evaluation;

/// <summary>Per-entity span metrics of one evaluation run, with a plain-text table.</summary>
public sealed record EvaluationReport(int Samples, IReadOnlyList<EntityMetrics> Entities)
{
    /// <summary>The metrics of <paramref name="entity"/>, or null when it was not evaluated.</summary>
    public EntityMetrics? For(string entity) => Entities.FirstOrDefault(e => e.Entity == entity);

    /// <summary>A fixed-width table: gold and predicted counts, exact-span and overlap precision/recall/F2 per entity.</summary>
    public string RenderTable()
    {
        var sb = new StringBuilder();
        var ci = CultureInfo.InvariantCulture;
        sb.AppendLine(ci, $"{Samples} samples");
        sb.AppendLine(ci, $"{"entity",-18} {"gold",6} {"pred",6} | {"P exact",7} {"R exact",7} {"F2 exact",8} | {"P ovl",7} {"R ovl",7} {"F2 ovl",7}");
        sb.AppendLine(new string('-', 88));
        foreach (var e in Entities)
            sb.AppendLine(ci, $"{e.Entity,-18} {e.Gold,6} {e.Predicted,6} | {e.ExactPrecision,7:F3} {e.ExactRecall,7:F3} {e.ExactF2,8:F3} | {e.OverlapPrecision,7:F3} {e.OverlapRecall,7:F3} {e.OverlapF2,7:F3}");
        return sb.ToString();
    }
}
