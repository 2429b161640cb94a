using System.Numerics;
using PiiOrleans.Tracks.Mapping;

namespace PiiOrleans.Tracks.Mapping;

/// <summary>
/// The shuffled sequence of pseudonyms for one kind, reproduced from the DB seed exactly as Track Veil builds it
/// (first <see cref="CompatibleCount"/> names), followed by deterministic extension generations that Track Veil lacks.
/// Extensions are built lazily, only when an index reaches them.
/// </summary>
public sealed class PseudonymPool
{
    /// <summary>Track Veil's team pool size.</summary>
    public const int TrackVeilTeamCount = 999;

    /// <summary>Track Veil's run pool size (269 plantimals + 1786 CVC names).</summary>
    public const int TrackVeilRunCount = 2055;

    private const string Consonants = "bcdfghjklmnprstvwxz";
    private const string Vowels = "aeiou";

    private readonly CPythonRandom _random;
    private readonly List<string> _names;
    private readonly Queue<Func<List<string>>> _pendingGenerations;

    private PseudonymPool(PseudonymKind kind, CPythonRandom random, List<string> compatible, int capacity, IEnumerable<Func<List<string>>> extensions)
    {
        Kind = kind;
        _random = random;
        _names = compatible;
        CompatibleCount = compatible.Count;
        Capacity = capacity;
        _pendingGenerations = new Queue<Func<List<string>>>(extensions);
    }

    /// <summary>Which kind of pseudonym this pool hands out.</summary>
    public PseudonymKind Kind { get; }

    /// <summary>How many leading names are identical to Track Veil's pool (999 teams, 2,055 runs).</summary>
    public int CompatibleCount { get; }

    /// <summary>All names this pool can hand out, extensions included.</summary>
    public int Capacity { get; }

    /// <summary>The name at <paramref name="index"/> (0-based), building extension generations on demand.</summary>
    public string this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Capacity)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"The {Kind.ToString().ToLowerInvariant()} pool holds {Capacity} names.");
            }

            while (index >= _names.Count)
            {
                var next = _pendingGenerations.Dequeue()();
                _random.Shuffle(next);
                _names.AddRange(next);
            }

            return _names[index];
        }
    }

    /// <summary>
    /// The team pool: <c>T001..T999</c> shuffled with <c>random.Random(seed)</c> (Track Veil), then
    /// <c>T1000..T9999</c> shuffled by the same generator, continuing its state.
    /// </summary>
    public static PseudonymPool ForTeams(BigInteger seed)
    {
        var random = new CPythonRandom(seed);
        var names = new List<string>(TrackVeilTeamCount);
        for (int i = 1; i <= TrackVeilTeamCount; i++)
        {
            names.Add($"T{i:D3}");
        }

        random.Shuffle(names);
        List<string> FourDigits()
        {
            var extension = new List<string>(9000);
            for (int i = 1000; i <= 9999; i++)
            {
                extension.Add($"T{i}");
            }

            return extension;
        }

        return new PseudonymPool(PseudonymKind.Team, random, names, TrackVeilTeamCount + 9000, [FourDigits]);
    }

    /// <summary>
    /// The run pool: shuffled PLANTIMALS, then the shuffled CVC names not in PLANTIMALS (Track Veil, 2,055 names);
    /// then CVCV and CVCVC names not in PLANTIMALS, each generation shuffled by the same generator, continuing its state.
    /// </summary>
    public static PseudonymPool ForRuns(BigInteger seed)
    {
        var random = new CPythonRandom(seed);
        var plantimals = new List<string>(Plantimals.Names);
        random.Shuffle(plantimals);
        var excluded = new HashSet<string>(Plantimals.Names, StringComparer.Ordinal);
        var cvc = ConsonantVowelNames(3, excluded);
        random.Shuffle(cvc);
        var names = new List<string>(plantimals.Count + cvc.Count);
        names.AddRange(plantimals);
        names.AddRange(cvc);
        int cvcvCount = ConsonantVowelCount(4) - CountExcluded(excluded, 4);
        int cvcvcCount = ConsonantVowelCount(5) - CountExcluded(excluded, 5);
        return new PseudonymPool(
            PseudonymKind.Run,
            random,
            names,
            names.Count + cvcvCount + cvcvcCount,
            [() => ConsonantVowelNames(4, excluded), () => ConsonantVowelNames(5, excluded)]);
    }

    /// <summary>Alternating consonant/vowel names of <paramref name="length"/> letters in nested-loop order (first letter outermost), minus <paramref name="excluded"/>.</summary>
    private static List<string> ConsonantVowelNames(int length, HashSet<string> excluded)
    {
        var result = new List<string>(ConsonantVowelCount(length));
        Span<char> buffer = stackalloc char[length];
        Fill(buffer, 0, result, excluded);
        return result;
    }

    private static void Fill(Span<char> buffer, int position, List<string> result, HashSet<string> excluded)
    {
        if (position == buffer.Length)
        {
            var name = new string(buffer);
            if (!excluded.Contains(name))
            {
                result.Add(name);
            }

            return;
        }

        foreach (char letter in position % 2 == 0 ? Consonants : Vowels)
        {
            buffer[position] = letter;
            Fill(buffer, position + 1, result, excluded);
        }
    }

    private static int ConsonantVowelCount(int length)
    {
        int count = 1;
        for (int i = 0; i < length; i++)
        {
            count *= i % 2 == 0 ? Consonants.Length : Vowels.Length;
        }

        return count;
    }

    private static int CountExcluded(HashSet<string> excluded, int length) =>
        excluded.Count(name => name.Length == length && IsConsonantVowel(name));

    private static bool IsConsonantVowel(string name)
    {
        for (int i = 0; i < name.Length; i++)
        {
            if ((i % 2 == 0 ? Consonants : Vowels).IndexOf(name[i], StringComparison.Ordinal) < 0)
            {
                return false;
            }
        }

        return true;
    }
}
