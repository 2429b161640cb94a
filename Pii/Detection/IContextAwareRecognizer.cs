namespace PiiOrleans.Pii.Detection;

/// <summary>
/// A recognizer whose scores already account for the words around a span (a language model reads its context). The
/// analyzer does not raise its results again for context words near the span, which would count the same evidence
/// twice ("mistaken with names" would turn capitalised words into people); a table column's name still counts.
/// </summary>
public interface IContextAwareRecognizer : IEntityRecognizer;
