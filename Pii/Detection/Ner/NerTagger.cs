namespace PiiOrleans.Pii.Detection.Ner;

/// <summary>
/// Runs a <see cref="NerModel"/> over many texts at once: tokenizes, cuts long texts into windows (<see cref="NerWindowPlanner"/>), sorts all
/// windows by length, runs them in batches and decodes each text's spans. Thread-safe; no state between calls.
/// </summary>
public sealed class NerTagger
{
    private readonly NerModel model;
    private readonly NerSettings settings;
    private readonly int capacity;

    /// <summary>Creates a tagger over a loaded model.</summary>
    public NerTagger(NerModel model, NerSettings settings)
    {
        settings.Validate();
        this.model = model;
        this.settings = settings;
        capacity = Math.Min(settings.MaxTokens, model.MaxPositions) - 2;
    }

    /// <summary>The model in use.</summary>
    public NerModel Model => model;

    /// <summary>
    /// Returns the spans of every text (an empty list for texts with no entity); stops between model batches once
    /// <paramref name="cancellationToken"/> is cancelled (a long text is many windows).
    /// </summary>
    public List<NerSpan>[] Tag(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var result = new List<NerSpan>[texts.Count];
        // A tables batch hands over 1,000 cells at once. Tagging them in groups keeps only one group's tokens, features
        // and label scores alive at a time (they would otherwise outlive several collections and be promoted), while a
        // group is still large enough for length-sorted batches to pad little. A text's labels do not depend on the
        // other texts of its batch (each row gets its own length); its scores move at most in the second decimal (the
        // int8 model quantizes a batch's activations with one scale), as they do with any other mix of rows.
        for (var first = 0; first < texts.Count; first += GroupSize)
        {
            TagGroup(texts, first, Math.Min(GroupSize, texts.Count - first), result, cancellationToken);
        }

        return result;
    }

    // Texts tagged together (see Tag).
    private const int GroupSize = 256;

    private void TagGroup(IReadOnlyList<string> all, int first, int count, List<NerSpan>[] result, CancellationToken cancellationToken)
    {
        var texts = new TextGroup(all, first, count);
        var labelCount = model.Labels.Count;
        var tokens = new WordPieceToken[texts.Count][];
        var probs = new float[texts.Count][];
        var gazetteer = model.FeatureGazetteer;
        var bits = gazetteer is null ? null : new byte[texts.Count][];
        var words = model.WordIds;
        var wordIds = words is null ? null : new int[texts.Count][];
        var windows = new List<NerWindow>();
        var buffer = new List<WordPieceToken>(256);
        for (var i = 0; i < texts.Count; i++)
        {
            buffer.Clear();
            model.Tokenizer.Tokenize(texts[i], buffer);
            tokens[i] = buffer.ToArray();
            probs[i] = new float[tokens[i].Length * labelCount];
            if (bits is not null)
            {
                bits[i] = new byte[tokens[i].Length];
                NerWordFeatures.Compute(texts[i], tokens[i], gazetteer!, bits[i]);
            }

            if (wordIds is not null)
            {
                wordIds[i] = new int[tokens[i].Length];
                words!.Compute(texts[i], tokens[i], wordIds[i]);
            }

            NerWindowPlanner.Plan(texts[i], tokens[i], i, capacity, settings.WindowOverlap, windows);
        }

        windows.Sort((a, b) => a.Length.CompareTo(b.Length));
        for (var b = 0; b < windows.Count; b += settings.BatchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            RunBatch(windows, b, Math.Min(settings.BatchSize, windows.Count - b), tokens, bits, wordIds, probs, cancellationToken);
        }

        for (var i = 0; i < texts.Count; i++)
        {
            var spans = result[first + i] = [];
            NerSpanDecoder.Decode(texts[i], tokens[i], probs[i], model.Labels, settings.MinScore, spans);
        }
    }

    // Texts [first, first + count) of a list, indexed from 0.
    private readonly record struct TextGroup(IReadOnlyList<string> All, int First, int Count)
    {
        public string this[int index] => All[First + index];
    }

    private void RunBatch(List<NerWindow> windows, int offset, int rows, WordPieceToken[][] tokens, byte[][]? bits, int[][]? wordIds, float[][] probs, CancellationToken cancellationToken)
    {
        var length = windows[offset + rows - 1].Length + 2; // sorted: the last window is the longest
        var ids = new long[rows * length];
        var mask = new long[rows * length];
        const int F = NerWordFeatures.Count;
        var features = bits is null ? null : new float[rows * length * F];
        var words = wordIds is null ? null : new long[rows * length]; // 0 ("no vector") at [CLS], [SEP] and padding
        var tokenizer = model.Tokenizer;
        if (tokenizer.PadId != 0)
        {
            Array.Fill(ids, tokenizer.PadId);
        }

        for (var r = 0; r < rows; r++)
        {
            var w = windows[offset + r];
            var row = r * length;
            ids[row] = tokenizer.ClsId;
            mask[row] = 1;
            var src = tokens[w.Text];
            for (var j = 0; j < w.Length; j++)
            {
                ids[row + 1 + j] = src[w.Start + j].Id;
                mask[row + 1 + j] = 1;
                if (words is not null)
                {
                    words[row + 1 + j] = wordIds![w.Text][w.Start + j];
                }

                if (features is not null)
                {
                    var b = bits![w.Text][w.Start + j];
                    var at = (row + 1 + j) * F;
                    for (var k = 0; k < F; k++)
                    {
                        features[at + k] = (b >> k) & 1;
                    }
                }
            }

            ids[row + 1 + w.Length] = tokenizer.SepId;
            mask[row + 1 + w.Length] = 1;
        }

        var logits = model.Run(ids, mask, features, words, rows, length, cancellationToken);
        var labelCount = model.Labels.Count;
        var bias = model.Bias;
        for (var r = 0; r < rows; r++)
        {
            var w = windows[offset + r];
            var target = probs[w.Text];
            for (var tok = w.OwnedStart; tok < w.OwnedEnd; tok++)
            {
                var position = 1 + tok - w.Start;
                Softmax(logits.AsSpan(((r * length) + position) * labelCount, labelCount), bias, target.AsSpan(tok * labelCount, labelCount));
            }
        }
    }

    private static void Softmax(ReadOnlySpan<float> logits, float[] bias, Span<float> output)
    {
        var max = float.NegativeInfinity;
        for (var k = 0; k < logits.Length; k++)
        {
            max = Math.Max(max, logits[k] + bias[k]);
        }

        var sum = 0f;
        for (var k = 0; k < logits.Length; k++)
        {
            output[k] = MathF.Exp(logits[k] + bias[k] - max);
            sum += output[k];
        }

        for (var k = 0; k < logits.Length; k++)
        {
            output[k] /= sum;
        }
    }
}
