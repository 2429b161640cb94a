namespace PiiOrleans.Pii.Detection.Ner;

/// <summary>
/// Gives way to the pattern recognizers where the model called a number a place: a LOCATION span from a
/// context-aware recognizer that reads like a phone number, an ID or a date ("9885 1152", "341308170", "A56319335",
/// "10/3/1948") is removed when a pattern result overlaps it, so the number keeps its validated type (PHONE_NUMBER,
/// US_DRIVER_LICENSE, DATE_TIME). When nothing else covers it, it stays: masked as a place is better than in clear.
/// </summary>
public static class NumberLikePlaceArbiter
{
    /// <summary>House numbers, unit and box numbers and postcodes hold fewer digits in a row than this.</summary>
    public const int MinDigitsInARun = 7;

    /// <summary>Removes from <paramref name="results"/> every number-like model LOCATION that a pattern result overlaps.</summary>
    public static void Resolve(string text, List<RecognizerResult> results, IReadOnlySet<string> modelRecognizers)
    {
        if (results.Count < 2 || modelRecognizers.Count == 0)
        {
            return;
        }

        results.RemoveAll(r => r.EntityType == "LOCATION" && modelRecognizers.Contains(r.Recognizer)
            && IsNumberLike(text.AsSpan(r.Start, r.Length)) && OverlapsAPatternResult(r, results, modelRecognizers));
    }

    /// <summary>True for text holding a run of 7+ digits (separators allowed; not a ZIP+4), a date, or an ID-like token.</summary>
    public static bool IsNumberLike(ReadOnlySpan<char> value)
    {
        var run = 0;
        var runStart = -1;
        for (var i = 0; i <= value.Length; i++)
        {
            var c = i < value.Length ? value[i] : '\0';
            if (char.IsAsciiDigit(c))
            {
                runStart = run == 0 ? i : runStart;
                run++;
                continue;
            }

            // Separators inside a number: "555-901 2345", "(02) 7972", "10/3/1948".
            if (run > 0 && c is '-' or '.' or ' ' or '/' or '(' or ')' && i + 1 < value.Length && char.IsAsciiDigit(value[i + 1]))
            {
                if (c == '/')
                {
                    return true;
                }

                continue;
            }

            if (run >= MinDigitsInARun && !IsZipPlus4(value[runStart..i]))
            {
                return true;
            }

            run = 0;
        }

        foreach (var range in value.SplitAny(" \n,"))
        {
            var token = value[range];
            if (token.ContainsAnyInRange('A', 'Z') || token.ContainsAnyInRange('a', 'z'))
            {
                var digits = 0;
                foreach (var c in token)
                {
                    digits += char.IsAsciiDigit(c) ? 1 : 0;
                }

                if (digits >= 5)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsZipPlus4(ReadOnlySpan<char> run) =>
        run.Length == 10 && run[5] == '-' && !run[..5].ContainsAnyExceptInRange('0', '9') && !run[6..].ContainsAnyExceptInRange('0', '9');

    private static bool OverlapsAPatternResult(RecognizerResult place, List<RecognizerResult> results, IReadOnlySet<string> modelRecognizers)
    {
        foreach (var other in results)
        {
            if (other.Start < place.End && place.Start < other.End && !modelRecognizers.Contains(other.Recognizer) && other.EntityType != "LOCATION")
            {
                return true;
            }
        }

        return false;
    }
}
