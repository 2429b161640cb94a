using System.Text.Json;
using PiiOrleans.Pii.Onnx;

namespace PiiOrleans.Pii.Detection.Ner;

/// <summary>
/// A Hugging Face token-classification export loaded from a directory: <c>model.onnx</c> (inputs <c>input_ids</c>,
/// <c>attention_mask</c>, optionally <c>token_type_ids</c>; first output = logits), <c>config.json</c> (id2label) and
/// <c>vocab.txt</c> or <c>tokenizer.json</c>. Thread-safe.
/// </summary>
public sealed class NerModel : IDisposable
{
    private readonly OnnxSession session;
    private readonly string logitsName;
    private readonly bool needsTokenTypes;

    private NerModel(string directory, OnnxSession session, WordPieceTokenizer tokenizer, NerLabelSet labels, int maxPositions, bool readsLowerCaseText)
    {
        Directory = directory;
        ReadsLowerCaseText = readsLowerCaseText;
        this.session = session;
        Tokenizer = tokenizer;
        Labels = labels;
        MaxPositions = maxPositions;
        logitsName = session.OutputNames.Contains("logits") ? "logits" : session.OutputNames[0];
        needsTokenTypes = session.InputNames.Contains("token_type_ids");
    }

    /// <summary>The model directory.</summary>
    public string Directory { get; }

    /// <summary>The tokenizer that matches the model.</summary>
    public WordPieceTokenizer Tokenizer { get; }

    /// <summary>The output labels.</summary>
    public NerLabelSet Labels { get; }

    /// <summary>Longest sequence the model accepts (config <c>max_position_embeddings</c>, else 512).</summary>
    public int MaxPositions { get; }

    /// <summary>
    /// True when the model finds names in text without capitals: an uncased tokenizer (<c>do_lower_case</c>), or
    /// <c>"trained_on_lowercase_text": true</c> in config.json (our model sees lower-cased texts in training).
    /// </summary>
    public bool ReadsLowerCaseText { get; }

    /// <summary>Loads the model in <paramref name="directory"/>; errors name the missing or bad file.</summary>
    public static NerModel Load(string directory, OnnxSessionOptions? options = null, IReadOnlyDictionary<string, string>? entityMap = null)
    {
        var modelPath = Path.Combine(directory, "model.onnx");
        var configPath = Path.Combine(directory, "config.json");
        if (!File.Exists(modelPath))
        {
            throw new NerModelException($"{modelPath} does not exist. Point Ner:ModelDirectory at a token-classification ONNX export.");
        }

        if (!File.Exists(configPath))
        {
            throw new NerModelException($"{configPath} does not exist; it must hold the model's id2label.");
        }

        var labels = NerLabelSet.FromConfig(configPath, entityMap);
        var lowerCase = ReadLowerCase(directory);
        var vocabPath = Path.Combine(directory, "vocab.txt");
        var tokenizerPath = Path.Combine(directory, "tokenizer.json");
        WordPieceTokenizer tokenizer;
        if (File.Exists(tokenizerPath))
        {
            tokenizer = WordPieceTokenizer.FromTokenizerJson(tokenizerPath);
        }
        else if (File.Exists(vocabPath))
        {
            tokenizer = WordPieceTokenizer.FromVocabFile(vocabPath, lowerCase);
        }
        else
        {
            throw new NerModelException($"{directory} has neither vocab.txt nor tokenizer.json; copy the tokenizer files of the model there.");
        }

        var maxPositions = ReadInt(configPath, "max_position_embeddings") ?? 512;
        var session = OnnxSession.Open(modelPath, options);
        if (!session.InputNames.Contains("input_ids") || !session.InputNames.Contains("attention_mask"))
        {
            session.Dispose();
            throw new NerModelException($"{modelPath}: inputs are [{string.Join(", ", session.InputNames)}]; input_ids and attention_mask are required.");
        }

        var readsLowerCase = lowerCase || ReadBool(configPath, "trained_on_lowercase_text");
        return new NerModel(Path.GetFullPath(directory), session, tokenizer, labels, maxPositions, readsLowerCase);
    }

    /// <summary>
    /// Runs one padded batch: <paramref name="ids"/> and <paramref name="mask"/> are [rows, length] row-major.
    /// Returns logits [rows, length, labels].
    /// </summary>
    public float[] Run(long[] ids, long[] mask, int rows, int length)
    {
        var shape = new long[] { rows, length };
        var inputs = new List<OnnxInt64Input>(3)
        {
            new("input_ids", ids, shape),
            new("attention_mask", mask, shape),
        };
        if (needsTokenTypes)
        {
            inputs.Add(new OnnxInt64Input("token_type_ids", new long[rows * length], shape));
        }

        var output = session.Run(inputs, logitsName);
        if (output.Shape.Length != 3 || output.Shape[0] != rows || output.Shape[1] != length || output.Shape[2] != Labels.Count)
        {
            throw new NerModelException(
                $"{Directory}: logits have shape [{string.Join(", ", output.Shape)}]; [{rows}, {length}, {Labels.Count}] was expected "
                + "(does config.json id2label match the model?).");
        }

        return output.Data;
    }

    /// <summary>Releases the ONNX session.</summary>
    public void Dispose() => session.Dispose();

    private static bool ReadLowerCase(string directory)
    {
        var path = Path.Combine(directory, "tokenizer_config.json");
        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            return doc.RootElement.TryGetProperty("do_lower_case", out var v) && v.ValueKind == JsonValueKind.True;
        }
        catch (JsonException e)
        {
            throw new NerModelException($"{path}: not valid JSON ({e.Message}).", e);
        }
    }

    private static bool ReadBool(string path, string property)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        return doc.RootElement.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.True;
    }

    private static int? ReadInt(string path, string property)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        return doc.RootElement.TryGetProperty(property, out var v) && v.TryGetInt32(out var i) ? i : null;
    }
}
