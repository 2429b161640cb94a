namespace PiiOrleans.Pii.Detection.Ner;

/// <summary>
/// The recognizers for names, places and organisations that could be loaded: the NER model and the gazetteer
/// recognizer of its model directory, the gazetteer alone when the model or ONNX Runtime is unavailable, or nothing. <see cref="Problem"/> says
/// why something is missing (no PII in it); hosts surface it instead of failing jobs on machines without the model.
/// </summary>
public sealed record NamedEntityRecognizerSet(IReadOnlyList<IEntityRecognizer> Recognizers, string Description, string? Problem)
{
    /// <summary>Loads the model named by <paramref name="settings"/>, falling back to its gazetteer, then to nothing.</summary>
    public static NamedEntityRecognizerSet Load(NerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        try
        {
            var ner = NerRecognizer.Create(settings);
            var name = Path.GetFileName(ner.Model.Directory.TrimEnd('/'));
            // The gazetteer both confirms the model's spans and finds names and places the model missed.
            return ner.Gazetteer is { } lists ? new([ner, new GazetteerRecognizer(lists)], name + " + gazetteer", null) : new([ner], name, null);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            var problem = $"the NER model could not be loaded ({exception.GetType().Name}: {exception.Message})";
            var gazetteer = Path.Combine(settings.ResolveModelDirectory(), "gazetteer");
            return Directory.Exists(gazetteer)
                ? new([new GazetteerRecognizer(Gazetteer.Load(gazetteer))], "gazetteer only", problem)
                : new([], "none", problem);
        }
    }
}
