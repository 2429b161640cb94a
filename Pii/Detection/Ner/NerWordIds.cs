namespace PiiOrleans.Pii.Detection.Ner;

/// <summary>
/// Word ids for models that take a <c>word_ids</c> input ([batch, sequence] int64): the model holds frozen pretrained
/// vectors of the words in <c>words.txt</c> (line n is the word with id n; 0 means "not listed" and is also used for
/// [CLS], [SEP] and padding). A word is looked up lower-cased, as <c>train/wordvectors.py</c> does in training, and every
/// word piece carries the id of its word. Lookups are allocation-free; the list is read once per model.
/// </summary>
public sealed class NerWordIds
{
    /// <summary>The input name.</summary>
    public const string InputName = "word_ids";

    /// <summary>File of the word list in the model directory.</summary>
    public const string FileName = "words.txt";

    // Longer words are not in the list (GloVe's entries are short); they get id 0 without a lookup.
    private const int MaxWordLength = 64;

    // Word n (1-based, the file's line n) is entry n - 1: the whole list (150,000 words for the shipped model) packed into a few arrays.
    private readonly PackedStringTable words;

    private NerWordIds(PackedStringTable words)
    {
        this.words = words;
        Count = words.Count;
    }

    /// <summary>Number of listed words.</summary>
    public int Count { get; }

    /// <summary>Reads <paramref name="path"/> (UTF-8, one lower-case word per line).</summary>
    public static NerWordIds Load(string path)
    {
        var map = new PackedStringTable.Builder();
        var id = 0;
        foreach (var line in File.ReadLines(path))
        {
            id++;
            if (line.Length == 0 || !map.TryAdd(line, out _))
            {
                throw new NerModelException($"{path}: line {id} is empty or repeats an earlier word; re-export the model (train/export.py).");
            }
        }

        if (map.Count == 0)
        {
            throw new NerModelException($"{path} lists no words; re-export the model (train/export.py).");
        }

        return new NerWordIds(map.Build());
    }

    /// <summary>The id of <paramref name="word"/> (looked up lower-cased), 0 when it is not listed.</summary>
    public int Id(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty || word.Length > MaxWordLength)
        {
            return 0;
        }

        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        return words.IndexOf(lower) + 1;
    }

    /// <summary>
    /// Writes the id of every token's word into <paramref name="wordIds"/> (one entry per token); consecutive tokens
    /// with the same <see cref="WordPieceToken.Word"/> form one word.
    /// </summary>
    public void Compute(string text, ReadOnlySpan<WordPieceToken> tokens, Span<int> wordIds)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < tokens.Length;)
        {
            var end = WordPieceToken.WordEnd(tokens, i);
            wordIds[i..end].Fill(Id(text.AsSpan(tokens[i].Start, tokens[end - 1].End - tokens[i].Start)));
            i = end;
        }
    }
}
