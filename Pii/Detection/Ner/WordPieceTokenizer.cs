using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PiiOrleans.Pii.Detection.Ner;

/// <summary>
/// BERT's tokenizer: split on whitespace, punctuation and CJK characters, then greedy longest-match WordPiece.
/// Offsets are UTF-16 indices into the original text (accents and case are only folded for lookup).
/// </summary>
public sealed class WordPieceTokenizer
{
    private const int MaxWordLength = 100;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> starts;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> continuations;

    private WordPieceTokenizer(IReadOnlyList<string> vocabulary, bool lowerCase, string source)
    {
        var startMap = new Dictionary<string, int>(StringComparer.Ordinal);
        var continuationMap = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < vocabulary.Count; i++)
        {
            var token = vocabulary[i];
            if (token.StartsWith("##", StringComparison.Ordinal))
            {
                continuationMap.TryAdd(token[2..], i);
            }
            else
            {
                startMap.TryAdd(token, i);
            }
        }

        starts = startMap.GetAlternateLookup<ReadOnlySpan<char>>();
        continuations = continuationMap.GetAlternateLookup<ReadOnlySpan<char>>();
        LowerCase = lowerCase;
        VocabularySize = vocabulary.Count;
        UnknownId = Special(startMap, "[UNK]", source);
        ClsId = Special(startMap, "[CLS]", source);
        SepId = Special(startMap, "[SEP]", source);
        PadId = startMap.GetValueOrDefault("[PAD]", 0);
    }

    /// <summary>Id of <c>[UNK]</c>.</summary>
    public int UnknownId { get; }

    /// <summary>Id of <c>[CLS]</c>, put before every window.</summary>
    public int ClsId { get; }

    /// <summary>Id of <c>[SEP]</c>, put after every window.</summary>
    public int SepId { get; }

    /// <summary>Id of <c>[PAD]</c>.</summary>
    public int PadId { get; }

    /// <summary>True for uncased models: lookup folds case and strips accents.</summary>
    public bool LowerCase { get; }

    /// <summary>Number of entries in the vocabulary.</summary>
    public int VocabularySize { get; }

    /// <summary>Reads a <c>vocab.txt</c> (one token per line, id = line number).</summary>
    public static WordPieceTokenizer FromVocabFile(string path, bool lowerCase)
    {
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        return new WordPieceTokenizer(lines.Select(l => l.TrimEnd('\r')).ToArray(), lowerCase, path);
    }

    /// <summary>Reads a Hugging Face <c>tokenizer.json</c> with a WordPiece model (vocabulary and lower-casing flag).</summary>
    public static WordPieceTokenizer FromTokenizerJson(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = doc.RootElement;
        if (!root.TryGetProperty("model", out var model) || !model.TryGetProperty("vocab", out var vocab)
            || vocab.ValueKind != JsonValueKind.Object)
        {
            throw new NerModelException($"{path}: no model.vocab object; only WordPiece tokenizers are supported.");
        }

        if (model.TryGetProperty("type", out var type) && type.GetString() is { } t && t != "WordPiece")
        {
            throw new NerModelException($"{path}: tokenizer type '{t}' is not supported; export a WordPiece (BERT-family) model.");
        }

        var entries = new List<(string Token, int Id)>();
        foreach (var p in vocab.EnumerateObject())
        {
            entries.Add((p.Name, p.Value.GetInt32()));
        }

        var tokens = new string[entries.Count == 0 ? 0 : entries.Max(e => e.Id) + 1];
        Array.Fill(tokens, "");
        foreach (var (token, id) in entries)
        {
            tokens[id] = token;
        }

        var lower = root.TryGetProperty("normalizer", out var norm) && norm.ValueKind == JsonValueKind.Object
            && norm.TryGetProperty("lowercase", out var lc) && lc.ValueKind == JsonValueKind.True;
        return new WordPieceTokenizer(tokens, lower, path);
    }

    /// <summary>Appends the tokens of <paramref name="text"/> to <paramref name="tokens"/>; returns the number of words.</summary>
    public int Tokenize(string text, List<WordPieceToken> tokens)
    {
        var word = 0;
        var start = -1;
        Span<char> folded = stackalloc char[MaxWordLength + 1];
        var i = 0;
        while (i < text.Length)
        {
            var rune = Rune.GetRuneAt(text, i);
            var width = rune.Utf16SequenceLength;
            var kind = Classify(rune);
            if (kind == CharKind.Separator)
            {
                if (start >= 0)
                {
                    AddWord(text, start, i, word++, tokens, folded);
                    start = -1;
                }
            }
            else if (kind == CharKind.Single)
            {
                if (start >= 0)
                {
                    AddWord(text, start, i, word++, tokens, folded);
                    start = -1;
                }

                AddWord(text, i, i + width, word++, tokens, folded);
            }
            else if (start < 0)
            {
                start = i;
            }

            i += width;
        }

        if (start >= 0)
        {
            AddWord(text, start, text.Length, word++, tokens, folded);
        }

        return word;
    }

    private void AddWord(string text, int start, int end, int word, List<WordPieceToken> tokens, Span<char> buffer)
    {
        var length = end - start;
        if (length > MaxWordLength)
        {
            tokens.Add(new WordPieceToken(UnknownId, start, end, word));
            return;
        }

        ReadOnlySpan<char> w = text.AsSpan(start, length);
        if (LowerCase)
        {
            for (var k = 0; k < length; k++)
            {
                buffer[k] = Fold(w[k]);
            }

            w = buffer[..length];
        }

        var first = tokens.Count;
        var s = 0;
        while (s < length)
        {
            var e = length;
            var id = -1;
            while (s < e)
            {
                // Never end a piece between the halves of a surrogate pair.
                if (e < length && char.IsLowSurrogate(w[e]))
                {
                    e--;
                    continue;
                }

                var piece = w[s..e];
                if ((s == 0 ? starts : continuations).TryGetValue(piece, out id))
                {
                    break;
                }

                id = -1;
                e--;
            }

            if (id < 0)
            {
                tokens.RemoveRange(first, tokens.Count - first);
                tokens.Add(new WordPieceToken(UnknownId, start, end, word));
                return;
            }

            tokens.Add(new WordPieceToken(id, start + s, start + e, word));
            s = e;
        }
    }

    private static char Fold(char c)
    {
        var lower = char.ToLowerInvariant(c);
        if (lower < 0x80)
        {
            return lower;
        }

        // Strip accents the way BERT's uncased tokenizer does, one char per char so offsets stay exact. A table rather
        // than Unicode decomposition: the project runs with invariant globalization, where Normalize is a no-op.
        var index = AccentedLetters.IndexOf(lower);
        return index >= 0 ? BaseLetters[index] : lower;
    }

    private const string AccentedLetters = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿāăąćĉċčďēĕėęěĝğġģĥĩīĭįĵķĺļľńņňōŏőŕŗřśŝşšţťũūŭůűųŵŷźżžơưǎǐǒǔǖǘǚǜǟǡǣǧǩǫǭǯǰǵǹǻǽǿȁȃȅȇȉȋȍȏȑȓȕȗșțȟȧȩȫȭȯȱȳ";
    private const string BaseLetters = "aaaaaaceeeeiiiinooooouuuuyyaaaccccdeeeeegggghiiiijklllnnnooorrrssssttuuuuuuwyzzzouaiouuuuuaaægkooʒjgnaæøaaeeiioorruusthaeooooy";

    private enum CharKind
    {
        Word,
        Separator,
        Single,
    }

    private static CharKind Classify(Rune r)
    {
        var v = r.Value;
        if (v is ' ' or '\t' or '\n' or '\r' or 0 or 0xFFFD)
        {
            return CharKind.Separator;
        }

        if (v is (>= 33 and <= 47) or (>= 58 and <= 64) or (>= 91 and <= 96) or (>= 123 and <= 126))
        {
            return CharKind.Single;
        }

        if (v < 0x80)
        {
            return char.IsControl((char)v) ? CharKind.Separator : CharKind.Word;
        }

        var category = Rune.GetUnicodeCategory(r);
        switch (category)
        {
            case UnicodeCategory.SpaceSeparator:
            case UnicodeCategory.Control:
            case UnicodeCategory.Format:
                return CharKind.Separator;
            case UnicodeCategory.ConnectorPunctuation:
            case UnicodeCategory.DashPunctuation:
            case UnicodeCategory.OpenPunctuation:
            case UnicodeCategory.ClosePunctuation:
            case UnicodeCategory.InitialQuotePunctuation:
            case UnicodeCategory.FinalQuotePunctuation:
            case UnicodeCategory.OtherPunctuation:
                return CharKind.Single;
        }

        return IsCjk(v) ? CharKind.Single : CharKind.Word;
    }

    private static bool IsCjk(int v) =>
        v is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x20000 and <= 0x2A6DF) or (>= 0x2A700 and <= 0x2B73F)
            or (>= 0x2B740 and <= 0x2B81F) or (>= 0x2B820 and <= 0x2CEAF) or (>= 0xF900 and <= 0xFAFF) or (>= 0x2F800 and <= 0x2FA1F);

    private static int Special(Dictionary<string, int> map, string token, string source) =>
        map.TryGetValue(token, out var id)
            ? id
            : throw new NerModelException($"{source}: the vocabulary has no {token} token; is this a BERT-family WordPiece vocabulary?");
}
