using PiiOrleans.Pii.Engine;

namespace PiiOrleans.Tracks.Writing;

/// <summary><c>--scan-pii</c> through the silo's <see cref="PiiEngine"/>: detect spans in free text and apply the configured operators.</summary>
public sealed class PiiEngineTrackTextEngine(PiiEngine engine) : ITrackTextEngine
{
    /// <inheritdoc />
    public string Anonymize(string text) => text.Length == 0 ? text : engine.Anonymize(text).Text;
}
