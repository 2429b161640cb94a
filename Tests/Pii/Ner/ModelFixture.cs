using PiiOrleans.Pii.Detection.Ner;

namespace PiiOrleans.Tests.Pii.Ner;

/// <summary>The committed default model, loaded once for all NER tests (loading costs more than the tests).</summary>
internal static class ModelFixture
{
    private static readonly Lazy<NerRecognizer> Shared = new(() => NerRecognizer.Create(new NerSettings(IntraOpThreads: 1)));

    public static string Directory => NerSettings.Default.ResolveModelDirectory();

    public static NerRecognizer Recognizer => Shared.Value;
}
