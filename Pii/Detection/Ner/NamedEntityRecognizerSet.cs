namespace PiiOrleans.Pii.Detection.Ner;

/// <summary>
/// The recognizers for names, places and organisations: the NER model and the gazetteer recognizer of its model
/// directory. Loading never downgrades silently: when NER is asked for and the model cannot be loaded,
/// <see cref="Load"/> throws a <see cref="NerModelException"/> that says what to do. Running without the model is an
/// explicit choice: <see cref="Disabled"/> (the CLI's <c>--no-ner</c>).
/// </summary>
/// <param name="Recognizers">The recognizers to add to the registry.</param>
/// <param name="Description">What was loaded, for logs and reports (no PII in it).</param>
/// <param name="Problem">Always null: a model that cannot be loaded is an exception, not a degraded set. Kept for callers that still read it.</param>
public sealed record NamedEntityRecognizerSet(IReadOnlyList<IEntityRecognizer> Recognizers, string Description, string? Problem = null)
{
    /// <summary>No NER recognizers: names, places and organisations are found by the configured pattern recognizers only.</summary>
    public static NamedEntityRecognizerSet Disabled { get; } = new([], "none (NER disabled)");

    /// <summary>
    /// Loads the model named by <paramref name="settings"/> and the gazetteer of its directory. Throws
    /// <see cref="NerModelException"/> (message: which model, why, what to do) when the model cannot be loaded.
    /// </summary>
    public static NamedEntityRecognizerSet Load(NerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string? directory = null;
        try
        {
            directory = settings.ResolveModelDirectory();
            var ner = NerRecognizer.Create(settings with { ModelDirectory = directory });
            var name = Path.GetFileName(ner.Model.Directory.TrimEnd('/'));
            // The gazetteer both confirms the model's spans and finds names and places the model missed.
            return ner.Gazetteer is { } lists ? new([ner, new GazetteerRecognizer(lists, besideModel: true)], name + " + gazetteer") : new([ner], name);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException and not ArgumentException)
        {
            throw Unavailable(directory ?? settings.ModelDirectory ?? $"models/{NerSettings.DefaultModelName}", exception);
        }
    }

    /// <summary>The error for a configuration that enables NER with a model that cannot be loaded.</summary>
    public static NerModelException Unavailable(string directory, Exception cause)
    {
        ArgumentNullException.ThrowIfNull(cause);
        return new NerModelException(
            $"NER is enabled but the model in {directory} cannot be loaded: {cause.Message} "
            + "Point Ner:ModelDirectory at a token-classification ONNX export (model.onnx, config.json, vocab.txt), "
            + "or turn NER off explicitly (--no-ner).",
            cause);
    }
}
