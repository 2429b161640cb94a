using System.Text.Json;
using Microsoft.ML.OnnxRuntime;

namespace PiiOrleans.Pii.Detection.Ner;

/// <summary>
/// A Hugging Face token-classification export loaded from a directory: <c>model.onnx</c> (inputs <c>input_ids</c>,
/// <c>attention_mask</c>, optionally <c>token_type_ids</c>; first output = logits), <c>config.json</c> (id2label) and
/// <c>vocab.txt</c> or <c>tokenizer.json</c>. Runs on ONNX Runtime (the <c>Microsoft.ML.OnnxRuntime</c> package, native
/// library included). Thread-safe: ONNX Runtime allows concurrent runs on one session.
/// </summary>
public sealed class NerModel : IDisposable
{
    private readonly InferenceSession session;
    private readonly string logitsName;
    private readonly bool needsTokenTypes;

    // ONNX Runtime's CPU arena holds the activations of every run in flight and grows in powers of two (measured with
    // heaptrack in a 20k-row TEE job: 1 + 2 + … + 32 + 64 MB chunks, 144 MB at the peak, with four batch workers
    // running the model at once). Each run already uses IntraOpThreads cores, so more runs at once than the cores can
    // serve only oversubscribe the CPU while they double the arena.
    private readonly SemaphoreSlim runGate;

    private NerModel(string directory, InferenceSession session, WordPieceTokenizer tokenizer, NerLabelSet labels, int maxPositions, bool readsLowerCaseText, float[] logitBias, Gazetteer? featureGazetteer, NerWordIds? wordIds, int intraOpThreads)
    {
        FeatureGazetteer = featureGazetteer;
        WordIds = wordIds;
        Directory = directory;
        Bias = logitBias;
        ReadsLowerCaseText = readsLowerCaseText;
        this.session = session;
        Tokenizer = tokenizer;
        Labels = labels;
        MaxPositions = maxPositions;
        logitsName = session.OutputNames.Contains("logits") ? "logits" : session.OutputNames[0];
        ConcurrentRuns = Math.Max(1, Environment.ProcessorCount / (intraOpThreads > 0 ? intraOpThreads : Environment.ProcessorCount));
        runGate = new SemaphoreSlim(ConcurrentRuns, ConcurrentRuns);
        needsTokenTypes = session.InputNames.Contains("token_type_ids");
    }

    /// <summary>The model directory.</summary>
    public string Directory { get; }

    /// <summary>The tokenizer that matches the model.</summary>
    public WordPieceTokenizer Tokenizer { get; }

    /// <summary>The output labels.</summary>
    public NerLabelSet Labels { get; }

    /// <summary>
    /// Added to the model's logits before the softmax, one value per label (config.json <c>"logit_bias": {"O": -0.5}</c>;
    /// zeros when absent). A negative bias on <c>O</c> trades precision for recall; it is calibrated on held-out text.
    /// </summary>
    public IReadOnlyList<float> LogitBias => Bias;

    /// <summary>The same biases as an array, for the softmax loop.</summary>
    internal float[] Bias { get; }

    /// <summary>Longest sequence the model accepts (config <c>max_position_embeddings</c>, else 512).</summary>
    public int MaxPositions { get; }

    /// <summary>
    /// True when the model finds names in text without capitals: an uncased tokenizer (<c>do_lower_case</c>), or
    /// <c>"trained_on_lowercase_text": true</c> in config.json (our model sees lower-cased texts in training).
    /// </summary>
    public bool ReadsLowerCaseText { get; }

    /// <summary>
    /// The gazetteer of the model directory when the model takes <see cref="NerWordFeatures"/> (a <c>word_features</c>
    /// input); null for models that read word pieces only.
    /// </summary>
    public Gazetteer? FeatureGazetteer { get; }

    /// <summary>
    /// The word list of the model directory (<c>words.txt</c>) when the model holds pretrained word vectors (a
    /// <c>word_ids</c> input, see <see cref="NerWordIds"/>); null otherwise.
    /// </summary>
    public NerWordIds? WordIds { get; }

    /// <summary>
    /// How many batches run on the session at once (the cores divided by the threads per run, at least one); further
    /// callers wait. Keeps ONNX Runtime's arena, which holds every run's activations, from growing for no gain.
    /// </summary>
    public int ConcurrentRuns { get; }

    /// <summary>The ONNX Runtime version in use, e.g. "1.32.0".</summary>
    public static string RuntimeVersion => OrtEnv.Instance().GetVersionString();

    /// <summary>
    /// Loads the model in <paramref name="directory"/> with <paramref name="intraOpThreads"/> threads per inference
    /// (0 = ONNX Runtime's default, one per core); errors are <see cref="NerModelException"/>s naming the missing or bad file.
    /// </summary>
    public static NerModel Load(string directory, int intraOpThreads = 0, IReadOnlyDictionary<string, string>? entityMap = null)
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
        var session = Open(modelPath, intraOpThreads);
        if (!session.InputNames.Contains("input_ids") || !session.InputNames.Contains("attention_mask"))
        {
            session.Dispose();
            throw new NerModelException($"{modelPath}: inputs are [{string.Join(", ", session.InputNames)}]; input_ids and attention_mask are required.");
        }

        Gazetteer? featureGazetteer = null;
        if (session.InputNames.Contains(NerWordFeatures.InputName))
        {
            var dims = session.InputMetadata[NerWordFeatures.InputName].Dimensions;
            var gazetteerDir = Path.Combine(directory, "gazetteer");
            if (dims.Length != 3 || dims[2] != NerWordFeatures.Count || !System.IO.Directory.Exists(gazetteerDir))
            {
                session.Dispose();
                throw new NerModelException(
                    $"{modelPath}: input {NerWordFeatures.InputName} must be [batch, sequence, {NerWordFeatures.Count}] and {gazetteerDir} must exist (the features look words up in it).");
            }

            featureGazetteer = Gazetteer.Load(gazetteerDir);
        }

        NerWordIds? wordIds = null;
        if (session.InputNames.Contains(NerWordIds.InputName))
        {
            var wordsPath = Path.Combine(directory, NerWordIds.FileName);
            if (featureGazetteer is null || session.InputMetadata[NerWordIds.InputName].Dimensions.Length != 2 || !File.Exists(wordsPath))
            {
                session.Dispose();
                throw new NerModelException(
                    $"{modelPath}: input {NerWordIds.InputName} must be [batch, sequence], come with {NerWordFeatures.InputName}, and {wordsPath} must exist (the model's word list).");
            }

            wordIds = NerWordIds.Load(wordsPath);
        }

        var readsLowerCase = lowerCase || ReadBool(configPath, "trained_on_lowercase_text");
        return new NerModel(Path.GetFullPath(directory), session, tokenizer, labels, maxPositions, readsLowerCase, ReadLogitBias(configPath, labels), featureGazetteer, wordIds, intraOpThreads);
    }

    /// <summary>
    /// Runs one padded batch: <paramref name="ids"/> and <paramref name="mask"/> are [rows, length] row-major.
    /// Returns logits [rows, length, labels].
    /// </summary>
    public float[] Run(long[] ids, long[] mask, int rows, int length) => Run(ids, mask, null, rows, length);

    /// <summary>
    /// Runs one padded batch; <paramref name="features"/> is [rows, length, <see cref="NerWordFeatures.Count"/>]
    /// row-major and required when <see cref="FeatureGazetteer"/> is set (zeros are used when it is null).
    /// </summary>
    public float[] Run(long[] ids, long[] mask, float[]? features, int rows, int length) => Run(ids, mask, features, null, rows, length);

    /// <summary>
    /// Runs one padded batch; <paramref name="wordIds"/> is [rows, length] row-major (<see cref="NerWordIds"/>) and
    /// used when <see cref="WordIds"/> is set (zeros, "no word vector", when it is null). A caller waiting for its turn
    /// (<see cref="ConcurrentRuns"/>) stops waiting once <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public float[] Run(long[] ids, long[] mask, float[]? features, long[]? wordIds, int rows, int length, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(mask);
        if (ids.Length < rows * length || mask.Length < rows * length)
        {
            throw new ArgumentException($"A batch of [{rows}, {length}] needs {rows * length} ids and mask values.");
        }

        var shape = new long[] { rows, length };
        var names = new List<string>(5) { "input_ids", "attention_mask" };
        // ORT reads the managed arrays in place (no copy); the values are released right after the run.
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = needsTokenTypes ? OrtValue.CreateTensorValueFromMemory(new long[rows * length], shape) : null;
        var values = new List<OrtValue>(5) { idsValue, maskValue };
        using var featureValue = FeatureGazetteer is null ? null
            : OrtValue.CreateTensorValueFromMemory(features ?? new float[rows * length * NerWordFeatures.Count], [rows, length, NerWordFeatures.Count]);
        if (featureValue is not null)
        {
            names.Add(NerWordFeatures.InputName);
            values.Add(featureValue);
        }

        using var wordValue = WordIds is null ? null : OrtValue.CreateTensorValueFromMemory(wordIds ?? new long[rows * length], shape);
        if (wordValue is not null)
        {
            names.Add(NerWordIds.InputName);
            values.Add(wordValue);
        }

        if (typesValue is not null)
        {
            names.Add("token_type_ids");
            values.Add(typesValue);
        }

        using var runOptions = new RunOptions();
        runGate.Wait(cancellationToken);
        IDisposableReadOnlyCollection<OrtValue> outputs;
        try
        {
            outputs = session.Run(runOptions, names, values, [logitsName]);
        }
        finally
        {
            runGate.Release();
        }

        using var owned = outputs;
        var output = outputs[0];
        var outShape = output.GetTensorTypeAndShape().Shape;
        if (outShape.Length != 3 || outShape[0] != rows || outShape[1] != length || outShape[2] != Labels.Count)
        {
            throw new NerModelException(
                $"{Directory}: logits have shape [{string.Join(", ", outShape)}]; [{rows}, {length}, {Labels.Count}] was expected "
                + "(does config.json id2label match the model?).");
        }

        return output.GetTensorDataAsSpan<float>().ToArray();
    }

    private static InferenceSession Open(string modelPath, int intraOpThreads)
    {
        using var options = new SessionOptions
        {
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        if (intraOpThreads > 0)
        {
            options.IntraOpNumThreads = intraOpThreads;
        }

        // Spinning worker threads burn the cores that the rest of the pipeline needs between batches.
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        try
        {
            return new InferenceSession(Path.GetFullPath(modelPath), options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new NerModelException($"{modelPath}: ONNX Runtime {RuntimeVersion} cannot load it ({e.Message}). Re-export the model or point Ner:ModelDirectory at another one.", e);
        }
    }

    /// <summary>Releases the ONNX session.</summary>
    public void Dispose()
    {
        session.Dispose();
        runGate.Dispose();
    }

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

    private static float[] ReadLogitBias(string path, NerLabelSet labels)
    {
        var bias = new float[labels.Count];
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        if (!doc.RootElement.TryGetProperty("logit_bias", out var v))
        {
            return bias;
        }

        if (v.ValueKind != JsonValueKind.Object)
        {
            throw new NerModelException($"{path}: logit_bias must be an object of label → number.");
        }

        foreach (var p in v.EnumerateObject())
        {
            var index = -1;
            for (var k = 0; k < labels.Count; k++)
            {
                index = labels.Labels[k] == p.Name ? k : index;
            }

            if (index < 0 || p.Value.ValueKind != JsonValueKind.Number)
            {
                throw new NerModelException($"{path}: logit_bias entry '{p.Name}' must name a label of id2label and hold a number.");
            }

            bias[index] = p.Value.GetSingle();
        }

        return bias;
    }

    private static int? ReadInt(string path, string property)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        return doc.RootElement.TryGetProperty(property, out var v) && v.TryGetInt32(out var i) ? i : null;
    }
}
