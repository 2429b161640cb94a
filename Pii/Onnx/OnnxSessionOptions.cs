namespace PiiOrleans.Pii.Onnx;

/// <summary>Threading and optimisation settings for an <see cref="OnnxSession"/>.</summary>
/// <param name="IntraOpThreads">Threads inside one operator (0 = ONNX Runtime's default: one per core).</param>
/// <param name="InterOpThreads">Threads across operators (sequential execution uses 1).</param>
/// <param name="OptimizationLevel">0 none, 1 basic, 2 extended, 99 all (default).</param>
public sealed record OnnxSessionOptions(int IntraOpThreads = 0, int InterOpThreads = 1, int OptimizationLevel = 99)
{
    /// <summary>The defaults: all graph optimisations, ORT's thread count.</summary>
    public static OnnxSessionOptions Default { get; } = new();
}
