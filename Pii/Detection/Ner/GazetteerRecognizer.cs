namespace PiiOrleans.Pii.Detection.Ner;

/// <summary>
/// PERSON and LOCATION from name and place lists: "First Last" pairs, a title or context word before a capitalised
/// name ("Dr. Kowalski", "my name is Ada"), and known places (longest match), scored higher after "in", "from", "lives in".
/// Cheap and model-free; its results combine with the NER model's in the analyzer's overlap resolution.
/// </summary>
public sealed class GazetteerRecognizer : IEntityRecognizer
{
    private const double PairScore = 0.6;
    private const double TitleScore = 0.75;
    private const double ContextNameScore = 0.6;
    private const double LoneNameScore = 0.5;
    private const double LoneSurnameScore = 0.4;
    private const double CountryScore = 0.6;
    private const double PlaceScore = 0.45;
    private const double ContextBoost = 0.25;

    // Beside the model, a lone known name is reported only in texts of at most this many words (cells, form fields):
    // in longer texts the model has read the context and left the word out.
    private const int CellLikeWords = 3;

    private readonly Gazetteer gazetteer;
    private readonly bool besideModel;

    /// <summary>
    /// Creates the recognizer over loaded lists. <paramref name="besideModel"/>: the NER model runs on the same texts, so
    /// a single capitalised word that the lists know as a first name or surname, with nothing around it that makes it a
    /// name, is not reported in running text (measured on the dev split with the model: 209 such PERSON results, 8 of
    /// them right — "Golden Globe", "Venus", "Christian music"). Pairs, titles and context words still count.
    /// </summary>
    public GazetteerRecognizer(Gazetteer gazetteer, bool besideModel = false)
    {
        this.gazetteer = gazetteer;
        this.besideModel = besideModel;
    }

    /// <inheritdoc />
    public string Name => "GazetteerRecognizer";

    /// <inheritdoc />
    public IReadOnlyList<string> SupportedEntities { get; } = ["PERSON", "LOCATION"];

    /// <inheritdoc />
    public void Analyze(string text, RecognitionRequest request, List<RecognizerResult> results)
    {
        var wantPerson = request.Wants("PERSON");
        var wantPlace = request.Wants("LOCATION");
        if (!wantPerson && !wantPlace)
        {
            return;
        }

        Span<(int Start, int End)> words = text.Length <= 2048 ? stackalloc (int, int)[Math.Max(1, text.Length / 2 + 1)] : new (int, int)[text.Length / 2 + 1];
        var count = SplitWords(text, words);
        var i = 0;
        while (i < count)
        {
            var consumed = (wantPlace ? TryPlace(text, words[..count], i, results) : 0);
            if (consumed == 0 && wantPerson)
            {
                consumed = TryPerson(text, words[..count], i, results);
            }

            i += Math.Max(1, consumed);
        }
    }

    /// <summary>The word (letters only) that ends right before <paramref name="position"/>, skipping spaces and one dot or colon.</summary>
    internal static ReadOnlySpan<char> PreviousWord(string text, int position)
    {
        var end = position;
        while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '.' || text[end - 1] == ':' || text[end - 1] == ','))
        {
            end--;
        }

        var start = end;
        while (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] == '\''))
        {
            start--;
        }

        return text.AsSpan(start, end - start);
    }

    private int TryPerson(string text, ReadOnlySpan<(int Start, int End)> words, int i, List<RecognizerResult> results)
    {
        var w = Word(text, words[i]);
        if (!IsCapitalised(w))
        {
            return 0;
        }

        // A title makes the next capitalised words a name whether or not the lists know them.
        if (gazetteer.IsTitle(w) && i + 1 < words.Length && IsCapitalised(Word(text, words[i + 1])) && !gazetteer.IsCommonWord(Word(text, words[i + 1])))
        {
            var end = i + 1;
            while (end + 1 < words.Length && end - i < 3 && Adjacent(text, words[end], words[end + 1]) && IsCapitalised(Word(text, words[end + 1]))
                   && !gazetteer.IsCommonWord(Word(text, words[end + 1])))
            {
                end++;
            }

            results.Add(new RecognizerResult("PERSON", words[i + 1].Start, words[end].End, TitleScore, Name));
            return end - i + 1;
        }

        var isFirst = gazetteer.IsFirstName(w);
        var isLast = gazetteer.IsLastName(w);
        if (!isFirst && !isLast)
        {
            return 0;
        }

        var before = PreviousWord(text, words[i].Start);
        var context = before.Length > 0 && (gazetteer.IsPersonContext(before) || gazetteer.IsTitle(before));
        var last = i;
        while (last + 1 < words.Length && last - i < 2 && Adjacent(text, words[last], words[last + 1]))
        {
            var next = Word(text, words[last + 1]);
            if (!IsCapitalised(next) || !(gazetteer.IsLastName(next) || gazetteer.IsFirstName(next)))
            {
                break;
            }

            last++;
        }

        double score;
        if (last > i && (isFirst || context))
        {
            score = PairScore + (context ? ContextBoost : 0);
        }
        else if (last == i && isFirst && context)
        {
            score = ContextNameScore;
        }
        else if (last == i && !SentenceInitial(text, words[i].Start) && !IsUpperWord(w) && (!besideModel || words.Length <= CellLikeWords))
        {
            // A capitalised known name inside a sentence is usually a person; alone it stays near the threshold.
            score = isFirst ? LoneNameScore : LoneSurnameScore;
        }
        else
        {
            return 0;
        }

        results.Add(new RecognizerResult("PERSON", words[i].Start, words[last].End, score, Name));
        return last - i + 1;
    }

    private int TryPlace(string text, ReadOnlySpan<(int Start, int End)> words, int i, List<RecognizerResult> results)
    {
        if (!IsCapitalised(Word(text, words[i])))
        {
            return 0;
        }

        for (var n = Math.Min(Gazetteer.MaxPlaceWords, words.Length - i); n >= 1; n--)
        {
            var span = text.AsSpan(words[i].Start, words[i + n - 1].End - words[i].Start);
            var kind = gazetteer.MatchPlace(span);
            if (kind == Gazetteer.PlaceKind.None)
            {
                continue;
            }

            // "Jordan Smith" or "Georgia Brown" are people: a known surname right after the place wins.
            if (n == 1 && i + 1 < words.Length && Adjacent(text, words[i], words[i + 1]) && gazetteer.IsFirstName(span)
                && gazetteer.IsLastName(Word(text, words[i + 1])))
            {
                return 0;
            }

            var before = PreviousWord(text, words[i].Start);
            var score = kind == Gazetteer.PlaceKind.Country ? CountryScore : PlaceScore;
            if (before.Length > 0 && gazetteer.IsPlaceContext(before))
            {
                score += ContextBoost;
            }
            else if (besideModel && kind != Gazetteer.PlaceKind.Country && words.Length > CellLikeWords)
            {
                // A city or region the model read in running text and left out, with no "in"/"from" before it, is
                // mostly a namesake ("Nice work", "Phoenix Team", "Jupiter"): dev split, 5 right of 66.
                return n;
            }

            results.Add(new RecognizerResult("LOCATION", words[i].Start, words[i + n - 1].End, score, Name));
            return n;
        }

        return 0;
    }

    private static ReadOnlySpan<char> Word(string text, (int Start, int End) w) => text.AsSpan(w.Start, w.End - w.Start);

    private static bool IsCapitalised(ReadOnlySpan<char> w) => w.Length > 1 && char.IsUpper(w[0]) && char.IsLetter(w[1]);

    private static bool IsUpperWord(ReadOnlySpan<char> w)
    {
        foreach (var c in w)
        {
            if (char.IsLower(c))
            {
                return false;
            }
        }

        return true;
    }

    // Words of one name are separated by a single space (not by a comma, a line break or a sentence end).
    private static bool Adjacent(string text, (int Start, int End) a, (int Start, int End) b) => b.Start == a.End + 1 && text[a.End] == ' ';

    private static bool SentenceInitial(string text, int start)
    {
        var p = start - 1;
        while (p >= 0 && char.IsWhiteSpace(text[p]))
        {
            p--;
        }

        return p < 0 || text[p] is '.' or '!' or '?' or '\n' or ':' or '"';
    }

    // Words are runs of letters and marks; an apostrophe or hyphen between letters stays inside the word (O'Brien, Jean-Luc).
    private static int SplitWords(string text, Span<(int Start, int End)> words)
    {
        var count = 0;
        var i = 0;
        while (i < text.Length && count < words.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (char.IsLetter(text[i]) || char.GetUnicodeCategory(text[i]) is System.Globalization.UnicodeCategory.NonSpacingMark
                   || (text[i] is '\'' or '’' or '-' && i + 1 < text.Length && char.IsLetter(text[i + 1]) && i > start)))
            {
                i++;
            }

            words[count++] = (start, i);
        }

        return count;
    }
}
