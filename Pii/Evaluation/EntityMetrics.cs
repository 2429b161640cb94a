namespace PiiOrleans.Pii.Evaluation;

/// <summary>
/// Span-level counts of one entity. Exact: a prediction counts only with the same type, start and end. Overlap: same type
/// and any overlap, each gold span and each prediction matched at most once.
/// </summary>
public sealed record EntityMetrics(string Entity, int Gold, int Predicted, int ExactMatches, int OverlapMatches)
{
    /// <summary>Exact-span precision.</summary>
    public double ExactPrecision => Ratio(ExactMatches, Predicted);

    /// <summary>Exact-span recall.</summary>
    public double ExactRecall => Ratio(ExactMatches, Gold);

    /// <summary>Exact-span F2 (recall weighted twice as much as precision).</summary>
    public double ExactF2 => F2(ExactPrecision, ExactRecall);

    /// <summary>Overlap precision.</summary>
    public double OverlapPrecision => Ratio(OverlapMatches, Predicted);

    /// <summary>Overlap recall.</summary>
    public double OverlapRecall => Ratio(OverlapMatches, Gold);

    /// <summary>Overlap F2.</summary>
    public double OverlapF2 => F2(OverlapPrecision, OverlapRecall);

    private static double Ratio(int a, int b) => b == 0 ? (a == 0 ? 1.0 : 0.0) : (double)a / b;

    private static double F2(double p, double r) => p + r == 0 ? 0 : 5 * p * r / (4 * p + r);
}
