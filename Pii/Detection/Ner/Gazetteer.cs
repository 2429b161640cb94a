using System.Text;

namespace PiiOrleans.Pii.Detection.Ner;

/// <summary>
/// Lists of first names, surnames and places (cities, regions, countries) from the Bogus locale data, one entry per
/// line in <c>first_names.txt</c>, <c>last_names.txt</c>, <c>cities.txt</c>, <c>regions.txt</c>, <c>countries.txt</c>.
/// Lookups are exact and case-sensitive (names in running text are capitalised) and allocation-free.
/// </summary>
public sealed class Gazetteer
{
    /// <summary>Longest place name, in words, that <see cref="MatchPlace"/> tries.</summary>
    public const int MaxPlaceWords = 4;

    private static readonly string[] PersonTitles =
    [
        "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor", "Sir", "Dame", "Lady", "Lord", "Rev", "Reverend", "Judge",
        "Capt", "Captain", "Officer", "Nurse", "Herr", "Frau", "Madame", "Mme", "Mlle", "Monsieur", "Señor", "Señora", "Sr", "Sra",
    ];

    private static readonly string[] PersonContext = ["name", "named", "called", "dear", "hi", "hello", "hey", "thanks", "regards", "am", "i'm", "contact", "by", "with", "patient", "customer", "mother", "father", "son", "daughter", "wife", "husband", "brother", "sister", "friend", "colleague", "met", "ask", "asked", "told", "cc"];

    private static readonly string[] PlaceContext = ["in", "from", "to", "near", "at", "visited", "visit", "city", "lives", "live", "born", "moved", "based", "via", "across", "country", "capital", "of"];

    // Capitalised words that are names or places in some locale but far more often ordinary words in English text.
    private static readonly string[] CommonWords =
    [
        "The", "A", "An", "I", "In", "On", "At", "To", "From", "By", "For", "Of", "And", "Or", "But", "If", "So", "As", "It", "Is", "Be",
        "We", "You", "He", "She", "They", "This", "That", "These", "Those", "My", "Our", "Your", "His", "Her", "Their", "All", "Any",
        "Will", "May", "Can", "Must", "Should", "Would", "Could", "June", "April", "August", "January", "February", "March", "July",
        "September", "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "Mark", "Bill", "Grant", "Page", "Lane", "Street", "Road", "Avenue", "Bank", "Hope", "Joy", "Faith", "Grace", "Rose", "Summer",
        "Winter", "Autumn", "Spring", "Dawn", "Eve", "North", "South", "East", "West", "New", "Old", "Great", "Little", "Long", "Young",
        "Best", "Good", "Well", "Thanks", "Thank", "Dear", "Hi", "Hello", "Hey", "Please", "Regards", "Note", "Total", "Status", "Name",
        "Order", "Customer", "Patient", "Doctor", "Nurse", "Officer", "Team", "Board", "Service", "Support", "Center", "Centre",
        "City", "State", "Park", "Hall", "Church", "Court", "Union", "Center", "Royal", "General", "Major", "Chase", "Case", "Price",
        "Cash", "Guy", "Art", "Sky", "Star", "Sun", "Moon", "River", "Lake", "Hill", "Wood", "Field", "Green", "Brown", "White", "Black",
        "Gray", "Grey", "Red", "Blue", "Gold", "Silver", "King", "Queen", "Prince", "Duke", "Bishop", "Cook", "Baker", "Smith", "Miller",
        "Carter", "Mason", "Taylor", "Hunter", "Fisher", "Porter", "Walker", "Turner", "Parker", "Cooper", "Ward", "Wells", "Banks",
        "Love", "Rich", "Frank", "Sale", "Sales", "Apple", "Amazon", "Windows", "Office", "Email", "Phone", "Address", "Date", "Time",
        "Day", "Week", "Year", "Today", "Tomorrow", "Yesterday", "Christmas", "Easter", "Internet", "Mobile", "Home", "Work", "School",
        "Not", "No", "Yes", "Ok", "OK", "Re", "Subject", "Via", "Per", "Version", "Chapter", "Table", "Figure", "Page", "See", "Also",
    ];

    // The big lists are packed (PackedStringTable): about 150,000 entries per model.
    private readonly PackedStringTable first;
    private readonly PackedStringTable last;
    private readonly PackedStringTable places;
    private readonly PlaceKind[] placeKinds;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> titles;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> personContext;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> placeContext;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> common;
    private readonly PackedStringTable dictionary;
    private readonly PackedStringTable surnameWords;

    private Gazetteer(PackedStringTable first, PackedStringTable last, PackedStringTable places, PlaceKind[] placeKinds, PackedStringTable dictionary, PackedStringTable surnameWords)
    {
        this.dictionary = dictionary;
        this.surnameWords = surnameWords;
        this.first = first;
        this.last = last;
        this.places = places;
        this.placeKinds = placeKinds;
        titles = new HashSet<string>(PersonTitles, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        personContext = new HashSet<string>(PersonContext, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        placeContext = new HashSet<string>(PlaceContext, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        common = new HashSet<string>(CommonWords, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        FirstNameCount = first.Count;
        LastNameCount = last.Count;
        PlaceCount = places.Count;
    }

    /// <summary>Kinds of place, in increasing specificity of evidence.</summary>
    public enum PlaceKind
    {
        /// <summary>Not a known place.</summary>
        None,

        /// <summary>A city or town.</summary>
        City,

        /// <summary>A state, province, county or region.</summary>
        Region,

        /// <summary>A country.</summary>
        Country,
    }

    /// <summary>Number of distinct first names.</summary>
    public int FirstNameCount { get; }

    /// <summary>Number of distinct surnames.</summary>
    public int LastNameCount { get; }

    /// <summary>Number of distinct place names.</summary>
    public int PlaceCount { get; }

    /// <summary>Loads the five lists from <paramref name="directory"/>; a missing list is an error naming the file.</summary>
    public static Gazetteer Load(string directory)
    {
        PackedStringTable Read(string name) => ReadInto(new PackedStringTable.Builder(), name).Build();

        PackedStringTable.Builder ReadInto(PackedStringTable.Builder list, string name)
        {
            var path = Path.Combine(directory, name);
            if (!File.Exists(path))
            {
                throw new NerModelException($"{path} does not exist; the gazetteer needs first_names, last_names, cities, regions and countries lists.");
            }

            foreach (var line in File.ReadLines(path, Encoding.UTF8))
            {
                var entry = line.AsSpan().Trim();
                if (entry.Length > 1)
                {
                    list.TryAdd(entry, out _);
                }
            }

            return list;
        }

        // A place listed under several kinds keeps the most specific one (country over region over city).
        var places = new PackedStringTable.Builder();
        var kinds = new List<PlaceKind>();
        foreach (var (file, kind) in new[] { ("cities.txt", PlaceKind.City), ("regions.txt", PlaceKind.Region), ("countries.txt", PlaceKind.Country) })
        {
            var list = Read(file);
            for (var i = 0; i < list.Count; i++)
            {
                if (places.TryAdd(list[i], out var index))
                {
                    kinds.Add(kind);
                }
                else if (kinds[index] < kind)
                {
                    kinds[index] = kind;
                }
            }
        }

        // Optional: a gazetteer without an English word list simply never calls a word a dictionary word.
        var words = File.Exists(Path.Combine(directory, EnglishWordsFile)) ? Read(EnglishWordsFile) : new PackedStringTable.Builder().Build();
        var surnameWords = File.Exists(Path.Combine(directory, SurnameWordsFile)) ? Read(SurnameWordsFile) : new PackedStringTable.Builder().Build();
        return new Gazetteer(Read("first_names.txt"), Read("last_names.txt"), places.Build(), [.. kinds], words, surnameWords);
    }

    /// <summary>
    /// The optional list of frequent surnames that are also English words ("Smith", "Brown", "Bush"), one per line. They
    /// stay out of <c>last_names.txt</c> (the model's features and the gazetteer recognizer would fire on every "brown");
    /// the span filter uses them only to spare a lone capitalised PERSON span the English-word penalty.
    /// </summary>
    public const string SurnameWordsFile = "surname_words.txt";

    /// <summary>Number of surname words loaded (0 without <see cref="SurnameWordsFile"/>).</summary>
    public int SurnameWordCount => surnameWords.Count;

    /// <summary>True for a frequent surname that is also an English word ("Smith", "BUSH"; ALL-CAPS words are looked up title-cased).</summary>
    public bool IsSurnameWord(ReadOnlySpan<char> word)
    {
        Span<char> buffer = stackalloc char[Math.Min(word.Length, 64)];
        return surnameWords.Contains(TitleCaseIfUpper(word, buffer));
    }

    /// <summary>The optional list of lower-case English words (one per line) in a gazetteer directory.</summary>
    public const string EnglishWordsFile = "english_words.txt";

    /// <summary>Number of English words loaded (0 without <see cref="EnglishWordsFile"/>).</summary>
    public int EnglishWordCount => dictionary.Count;

    /// <summary>
    /// True for an English dictionary word ("Battery", "COOL"; looked up lower-cased) that no first-name or surname list
    /// holds in any form: a lone capitalised word like that is rarely a person.
    /// </summary>
    public bool IsEnglishWordNotName(ReadOnlySpan<char> word)
    {
        if (word.Length is < 2 or > 64)
        {
            return false;
        }

        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        if (!dictionary.Contains(lower))
        {
            return false;
        }

        Span<char> title = stackalloc char[word.Length];
        lower.CopyTo(title);
        title[0] = char.ToUpperInvariant(title[0]);
        return !first.Contains(word) && !last.Contains(word) && !first.Contains(title) && !last.Contains(title);
    }

    /// <summary>
    /// The gazetteer bits of <see cref="NerWordFeatures"/>: 16 first name, 32 surname, 64 place (each as written, else
    /// with the first character upper-cased and the rest lower-cased), 128 English word (lower-cased). Plain list
    /// membership, without the common-word exclusions of <see cref="IsFirstName"/>; words of 2–64 characters only.
    /// </summary>
    public int FeatureBits(ReadOnlySpan<char> word)
    {
        if (word.Length is < 2 or > 64)
        {
            return 0;
        }

        Span<char> title = stackalloc char[word.Length];
        title[0] = char.ToUpperInvariant(word[0]);
        word[1..].ToLowerInvariant(title[1..]);
        var changed = !title.SequenceEqual(word);
        var bits = 0;
        bits |= first.Contains(word) || (changed && first.Contains(title)) ? 16 : 0;
        bits |= last.Contains(word) || (changed && last.Contains(title)) ? 32 : 0;
        bits |= places.Contains(word) || (changed && places.Contains(title)) ? 64 : 0;
        Span<char> lower = stackalloc char[word.Length];
        word.ToLowerInvariant(lower);
        bits |= dictionary.Contains(lower) ? 128 : 0;
        return bits;
    }

    /// <summary>True for a known first name that is not also a common English word (ALL-CAPS words are looked up title-cased).</summary>
    public bool IsFirstName(ReadOnlySpan<char> word)
    {
        Span<char> buffer = stackalloc char[Math.Min(word.Length, 64)];
        var w = TitleCaseIfUpper(word, buffer);
        return first.Contains(w) && !common.Contains(w);
    }

    /// <summary>True for a known surname that is not also a common English word (ALL-CAPS words are looked up title-cased).</summary>
    public bool IsLastName(ReadOnlySpan<char> word)
    {
        Span<char> buffer = stackalloc char[Math.Min(word.Length, 64)];
        var w = TitleCaseIfUpper(word, buffer);
        return last.Contains(w) && !common.Contains(w);
    }

    /// <summary>
    /// "HARSTAD" → "Harstad", "SAINT-PRIEST" → "Saint-Priest": lists hold title case, while forms and addresses often
    /// shout. Other words are returned unchanged; words longer than the buffer too.
    /// </summary>
    internal static ReadOnlySpan<char> TitleCaseIfUpper(ReadOnlySpan<char> word, Span<char> buffer)
    {
        if (word.Length < 2 || word.Length > buffer.Length)
        {
            return word;
        }

        var letters = 0;
        foreach (var c in word)
        {
            if (char.IsLower(c))
            {
                return word;
            }

            letters += char.IsLetter(c) ? 1 : 0;
        }

        if (letters < 2)
        {
            return word;
        }

        var startOfWord = true;
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            buffer[i] = startOfWord ? c : char.ToLowerInvariant(c);
            startOfWord = !char.IsLetter(c);
        }

        return buffer[..word.Length];
    }

    /// <summary>True for a person title such as Dr or Mrs (without the dot).</summary>
    public bool IsTitle(ReadOnlySpan<char> word) => titles.Contains(word);

    /// <summary>True for words that announce a person's name ("name", "dear", "patient").</summary>
    public bool IsPersonContext(ReadOnlySpan<char> word) => personContext.Contains(word);

    /// <summary>True for words that announce a place ("in", "from", "lives").</summary>
    public bool IsPlaceContext(ReadOnlySpan<char> word) => placeContext.Contains(word);

    /// <summary>True for capitalised words that are usually not names.</summary>
    public bool IsCommonWord(ReadOnlySpan<char> word) => common.Contains(word);

    /// <summary>The kind of place <paramref name="phrase"/> names exactly, or <see cref="PlaceKind.None"/>.</summary>
    public PlaceKind MatchPlace(ReadOnlySpan<char> phrase)
    {
        Span<char> buffer = stackalloc char[Math.Min(phrase.Length, 96)];
        var p = TitleCaseIfUpper(phrase, buffer);
        var index = places.IndexOf(p);
        return index >= 0 && !common.Contains(p) ? placeKinds[index] : PlaceKind.None;
    }

    /// <summary>
    /// The model's score for <paramref name="span"/>, raised when the gazetteer knows its words (a known name or place)
    /// or a title / context word stands right before it.
    /// </summary>
    public double Confirm(string text, NerSpan span)
    {
        var value = text.AsSpan(span.Start, span.End - span.Start);
        var boost = 0.0;
        if (span.EntityType == "PERSON")
        {
            foreach (var range in value.SplitAny(" -'’"))
            {
                var w = value[range];
                if (IsFirstName(w) || IsLastName(w))
                {
                    boost = 0.1;
                    break;
                }
            }

            var before = GazetteerRecognizer.PreviousWord(text, span.Start);
            if (before.Length > 0 && (IsTitle(before) || IsPersonContext(before)))
            {
                boost += 0.1;
            }
        }
        else if (span.EntityType == "LOCATION")
        {
            if (MatchPlace(value) != PlaceKind.None)
            {
                boost = 0.1;
            }

            var before = GazetteerRecognizer.PreviousWord(text, span.Start);
            if (before.Length > 0 && IsPlaceContext(before))
            {
                boost += 0.05;
            }
        }

        return Math.Min(1.0, Math.Round(span.Score + boost, 4));
    }
}
