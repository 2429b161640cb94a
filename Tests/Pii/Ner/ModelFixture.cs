using PiiOrleans.Pii.Detection.Ner;

namespace PiiOrleans.Tests.Pii.Ner;

/// <summary>The committed default model, loaded once for all NER tests (loading costs more than the tests).</summary>
internal static class ModelFixture
{
    private static readonly Lazy<NerRecognizer> Shared = new(() => NerRecognizer.Create(new NerSettings(IntraOpThreads: 1)));

    public static string Directory => NerSettings.Default.ResolveModelDirectory();

    public static NerRecognizer Recognizer => Shared.Value;

    /// <summary>A copy of the committed model folder in a new temporary directory (the caller deletes it).</summary>
    public static string CopyOfBundledModel(bool withGazetteer = true)
    {
        var dir = Path.Combine(Path.GetTempPath(), "piiorleans-model-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(dir);
        foreach (var file in System.IO.Directory.GetFiles(Directory))
        {
            File.Copy(file, Path.Combine(dir, Path.GetFileName(file)));
        }

        // The bundled model takes word features, which look words up in its gazetteer.
        var gazetteer = Path.Combine(Directory, "gazetteer");
        if (withGazetteer && System.IO.Directory.Exists(gazetteer))
        {
            System.IO.Directory.CreateDirectory(Path.Combine(dir, "gazetteer"));
            foreach (var file in System.IO.Directory.GetFiles(gazetteer))
            {
                File.Copy(file, Path.Combine(dir, "gazetteer", Path.GetFileName(file)));
            }
        }

        return dir;
    }
}
