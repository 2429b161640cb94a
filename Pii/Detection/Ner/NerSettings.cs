namespace PiiOrleans.Pii.Detection.Ner;

/// <summary>Where the NER model lives and how it runs.</summary>
/// <param name="ModelDirectory">Directory with model.onnx, config.json and vocab.txt or tokenizer.json (null = the bundled default).</param>
/// <param name="IntraOpThreads">ONNX Runtime threads per inference (0 = one per core).</param>
/// <param name="BatchSize">Windows per inference call; windows are sorted by length before batching.</param>
/// <param name="MaxTokens">Tokens per window including [CLS]/[SEP]; a longer text is one window per sentence (<see cref="NerWindowPlanner"/>).</param>
/// <param name="WindowOverlap">Tokens shared by consecutive windows of a sentence longer than one window, so every token sees context on both sides.</param>
/// <param name="CacheCapacity">Distinct texts whose results are remembered (0 disables the cache).</param>
/// <param name="MinScore">Spans scoring below this are dropped.</param>
/// <param name="SkipTextsWithoutCapitals">
/// Skip the model for texts with no upper-case letter (right for cased models that never saw lower-case text); null =
/// skip unless the model reads lower-case text (<see cref="NerModel.ReadsLowerCaseText"/>). Texts without letters are always skipped.
/// </param>
public sealed record NerSettings(
    string? ModelDirectory = null,
    int IntraOpThreads = 0,
    int BatchSize = 16,
    int MaxTokens = 64,
    int WindowOverlap = 16,
    int CacheCapacity = 4096,
    double MinScore = NerSettings.DefaultMinScore,
    bool? SkipTextsWithoutCapitals = null)
{
    /// <summary>The span score threshold calibrated for the bundled model (span F2 on held-out text); configuration files default to it too.</summary>
    public const double DefaultMinScore = 0.35;

    /// <summary>The name of the default model's directory under <c>models/</c>.</summary>
    public const string DefaultModelName = "piiorleans-ner-small";

    /// <summary>The defaults: the bundled model, batch 16, 64-token windows (the bundled model was trained on texts of up to about 64 tokens).</summary>
    public static NerSettings Default { get; } = new();

    /// <summary>Checks the numbers; throws <see cref="ArgumentException"/> naming the bad setting.</summary>
    public void Validate()
    {
        if (BatchSize < 1)
        {
            throw new ArgumentException($"Ner.BatchSize must be at least 1 (got {BatchSize}).");
        }

        if (MaxTokens < 8)
        {
            throw new ArgumentException($"Ner.MaxTokens must be at least 8 (got {MaxTokens}).");
        }

        if (WindowOverlap < 0 || WindowOverlap > (MaxTokens - 2) / 2)
        {
            throw new ArgumentException($"Ner.WindowOverlap must be between 0 and half of MaxTokens - 2 (got {WindowOverlap}).");
        }

        if (MinScore is < 0 or > 1)
        {
            throw new ArgumentException($"Ner.MinScore must be in [0, 1] (got {MinScore}).");
        }

        if (CacheCapacity < 0 || IntraOpThreads < 0)
        {
            throw new ArgumentException("Ner.CacheCapacity and Ner.IntraOpThreads must not be negative.");
        }
    }

    /// <summary>
    /// The model directory to use: <see cref="ModelDirectory"/> if set, else <c>models/piiorleans-ner-small</c> next to
    /// the binaries or in a parent directory (the repository).
    /// </summary>
    public string ResolveModelDirectory()
    {
        if (!string.IsNullOrWhiteSpace(ModelDirectory))
        {
            return Path.GetFullPath(ModelDirectory);
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "models", DefaultModelName);
            if (File.Exists(Path.Combine(candidate, "model.onnx")))
            {
                return candidate;
            }
        }

        throw new NerModelException(
            $"The default NER model (models/{DefaultModelName}/model.onnx) was not found next to the application or in a parent "
            + "directory. Set Ner:ModelDirectory to a Hugging Face token-classification export.");
    }
}
