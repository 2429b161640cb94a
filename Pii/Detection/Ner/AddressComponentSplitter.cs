using System.Text.RegularExpressions;

namespace PiiOrleans.Pii.Detection.Ner;

/// <summary>
/// Splits a LOCATION span into the components of a postal address, the way an address parser does: comma-separated
/// parts, the unit ("Apt. 705", "Suite 286"), the house number before a street ("78 | Camiño Ancho 91"), and a
/// trailing postcode with the state before it ("Dallas | TX | 48486", "Gabon | 66298"). Every component stays a
/// LOCATION span with the parent's score, so nothing is unmasked: only the separators between components are left.
/// </summary>
/// <remarks>
/// Why: a record or form holds an address as separate fields, and labelled data (the dev set, CoNLL-style corpora) marks
/// each field, "Moscow, Russia" as two places. One span per component also lets the report count fields and lets a
/// replacing operator put a field-shaped value in each place. A "nan" state (a missing value rendered by a data tool)
/// is not a place and is dropped.
/// </remarks>
public static partial class AddressComponentSplitter
{
    private const string Location = "LOCATION";

    /// <summary>Appends the components of <paramref name="span"/> to <paramref name="output"/> (the span itself when it is not a LOCATION).</summary>
    public static void Split(string text, NerSpan span, List<NerSpan> output)
    {
        if (span.EntityType != Location)
        {
            output.Add(span);
            return;
        }

        var partStart = span.Start;
        for (var i = span.Start; i < span.End - 1; i++)
        {
            if (text[i] == ',' && char.IsWhiteSpace(text[i + 1]))
            {
                SplitUnits(text, span, partStart, i, output);
                partStart = i + 1;
            }
        }

        SplitUnits(text, span, partStart, span.End, output);
    }

    // The unit designator with its number: "Apt. 705", "Suite 286", "apt 12B", "Ste #4".
    [GeneratedRegex(@"\b(?:suite|apt\.?|apartment|ste\.?|room|flat)[ \t]*#?[ \t]*\w*\d\w*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 100)]
    private static partial Regex UnitPattern();

    private static void SplitUnits(string text, NerSpan span, int start, int end, List<NerSpan> output)
    {
        var part = text.AsSpan(start, end - start);
        var position = start;
        foreach (var unit in UnitPattern().EnumerateMatches(part))
        {
            SplitFields(text, span, position, start + unit.Index, output);
            Add(text, span, start + unit.Index, start + unit.Index + unit.Length, output);
            position = start + unit.Index + unit.Length;
        }

        SplitFields(text, span, position, end, output);
    }

    private static void SplitFields(string text, NerSpan span, int start, int end, List<NerSpan> output)
    {
        (start, end) = Trim(text, start, end);
        if (end <= start)
        {
            return;
        }

        // A phone number or ID the model took for an address stays whole, for NumberLikePlaceArbiter to judge.
        if (NumberLikePlaceArbiter.IsNumberLike(text.AsSpan(start, end - start)))
        {
            Add(text, span, start, end, output);
            return;
        }

        // A house number before the street: "78 Camiño Ancho 91", "20 1432 Gemsbok St" (not "12 Box 7").
        var digitsEnd = start;
        while (digitsEnd < end && digitsEnd - start < 6 && char.IsAsciiDigit(text[digitsEnd]))
        {
            digitsEnd++;
        }

        var numberEnd = digitsEnd < end && char.IsAsciiLetter(text[digitsEnd]) && (digitsEnd + 1 == end || text[digitsEnd + 1] == ' ') ? digitsEnd + 1 : digitsEnd;
        if (digitsEnd > start && digitsEnd - start <= 5 && numberEnd < end && text[numberEnd] == ' ')
        {
            var next = numberEnd;
            while (next < end && text[next] == ' ')
            {
                next++;
            }

            if (next < end && !text.AsSpan(next, end - next).StartsWith("Box", StringComparison.OrdinalIgnoreCase))
            {
                Add(text, span, start, numberEnd, output);
                start = next;
            }
        }

        // A postcode at the end, after words: "Gabon 66298", "Dallas TX 48486-1234"; the state abbreviation before it.
        // A military line ("FPO AE 37876") or a box number ("P.O. Box 4021") is one component.
        var postcodeStart = IsMilitaryOrBox(text.AsSpan(start, end - start)) ? -1 : TrailingPostcodeStart(text, start, end);
        if (postcodeStart < 0)
        {
            Add(text, span, start, end, output);
            return;
        }

        var beforePostcode = TrimEnd(text, start, postcodeStart);
        var stateStart = LastWordStart(text, start, beforePostcode);
        var state = text.AsSpan(stateStart, beforePostcode - stateStart);
        if (stateStart > start && (IsStateAbbreviation(state) || state is "nan"))
        {
            Add(text, span, start, TrimEnd(text, start, stateStart), output);
            if (state is not "nan")
            {
                Add(text, span, stateStart, beforePostcode, output);
            }
        }
        else
        {
            Add(text, span, start, beforePostcode, output);
        }

        Add(text, span, postcodeStart, end, output);
    }

    // Start of a last word of 4–6 digits (optionally "-dddd") that follows a word with a letter, or -1.
    private static int TrailingPostcodeStart(string text, int start, int end)
    {
        var wordStart = LastWordStart(text, start, end);
        if (wordStart <= start)
        {
            return -1;
        }

        var word = text.AsSpan(wordStart, end - wordStart);
        var dash = word.IndexOf('-');
        var main = dash < 0 ? word : word[..dash];
        if (main.Length is < 4 or > 6 || main.ContainsAnyExceptInRange('0', '9')
            || (dash >= 0 && (word.Length - dash - 1 != 4 || word[(dash + 1)..].ContainsAnyExceptInRange('0', '9'))))
        {
            return -1;
        }

        foreach (var c in text.AsSpan(start, wordStart - start))
        {
            if (char.IsLetter(c))
            {
                return wordStart;
            }
        }

        return -1;
    }

    private static bool IsMilitaryOrBox(ReadOnlySpan<char> part)
    {
        foreach (var range in part.Split(' '))
        {
            var word = part[range];
            if (word.Equals("APO", StringComparison.OrdinalIgnoreCase) || word.Equals("FPO", StringComparison.OrdinalIgnoreCase)
                || word.Equals("DPO", StringComparison.OrdinalIgnoreCase) || word.Equals("PSC", StringComparison.OrdinalIgnoreCase)
                || word.Equals("Box", StringComparison.OrdinalIgnoreCase) || word.Equals("Unit", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsStateAbbreviation(ReadOnlySpan<char> word) => word.Length is >= 1 and <= 3 && !word.ContainsAnyExceptInRange('A', 'Z');

    private static int LastWordStart(string text, int start, int end)
    {
        var i = end;
        while (i > start && text[i - 1] != ' ')
        {
            i--;
        }

        return i;
    }

    private static void Add(string text, NerSpan span, int start, int end, List<NerSpan> output)
    {
        (start, end) = Trim(text, start, end);
        if (end > start && !text.AsSpan(start, end - start).Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            output.Add(span with { Start = start, End = end });
        }
    }

    // Separators never belong to a component; a closing dot does ("Piroska u. 97.", "Str.").
    private static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && (char.IsWhiteSpace(text[start]) || text[start] is ',' or ';' or ':' or '.'))
        {
            start++;
        }

        return (start, TrimEnd(text, start, end));
    }

    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is ',' or ';' or ':'))
        {
            end--;
        }

        return end;
    }
}
