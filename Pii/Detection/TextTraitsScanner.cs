using System.Buffers;

namespace PiiOrleans.Pii.Detection;

/// <summary>Computes <see cref="TextTraits"/> in one pass over the text (plus one vectorized search for currency symbols).</summary>
public static class TextTraitsScanner
{
    private static readonly SearchValues<char> CurrencySymbols = SearchValues.Create("$€£¥₹₩₽¢");

    // Only these characters start a trait; the loop jumps between them with a vectorized search.
    private static readonly SearchValues<char> Interesting = SearchValues.Create("0123456789@.:ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    /// <summary>The traits of <paramref name="text"/>.</summary>
    public static TextTraits Scan(ReadOnlySpan<char> text)
    {
        var traits = TextTraits.None;
        if (text.IndexOfAny(CurrencySymbols) >= 0) traits |= TextTraits.Currency;
        if (text.ContainsAnyExceptInRange((char)0, (char)127))
        {
            // Non-ASCII digits and white space count for the regexes' \d and \s: the exact, slower scan.
            return traits | ScanAll(text);
        }

        int asciiDigits = 0, run = 0, maxRun = 0;
        var groups = new SeparatedGroups();
        int i = text.IndexOfAny(Interesting);
        if (i < 0) return traits;
        int previous = 0; // characters skipped by the search are neither digits nor trait starters
        while (i < text.Length)
        {
            if (i > previous)
            {
                // A skipped stretch ends digit runs and counts as separators for the digit groups.
                run = 0;
                groups.SeparatorStretch(text[previous..i]);
            }

            char c = text[i];
            if (char.IsAsciiDigit(c))
            {
                asciiDigits++;
                maxRun = Math.Max(maxRun, ++run);
                groups.Digit();
                traits |= DigitTraits(text, i);
            }
            else
            {
                run = 0;
                groups.Separator(c);
                traits |= OtherTraits(text, i, c);
            }

            previous = ++i;
            if (i < text.Length && !Interesting.Contains(text[i]))
            {
                int next = text[i..].IndexOfAny(Interesting);
                i = next < 0 ? text.Length : i + next;
            }
        }

        if (text.Length > previous) groups.SeparatorStretch(text[previous..]);
        return traits | CountTraits(asciiDigits, maxRun, groups.Max);
    }

    // The reference scan: every character, Unicode digits and white space (used when the text is not pure ASCII).
    private static TextTraits ScanAll(ReadOnlySpan<char> text)
    {
        var traits = TextTraits.None;
        int asciiDigits = 0, run = 0, maxRun = 0;
        var groups = new SeparatedGroups();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsDigit(c))
            {
                maxRun = Math.Max(maxRun, ++run);
                traits |= DigitTraits(text, i);
            }
            else
            {
                run = 0;
            }

            if (char.IsAsciiDigit(c))
            {
                asciiDigits++;
                groups.Digit();
            }
            else
            {
                groups.Separator(c);
                traits |= OtherTraits(text, i, c);
            }
        }

        return traits | CountTraits(asciiDigits, maxRun, groups.Max);
    }

    private static TextTraits CountTraits(int asciiDigits, int maxRun, int maxGroup) =>
        (asciiDigits > 0 ? TextTraits.Digit : 0) | (asciiDigits >= 6 ? TextTraits.Digits6 : 0) | (maxRun >= 5 ? TextTraits.DigitRun5 : 0) |
        (maxGroup >= 9 ? TextTraits.SeparatedDigits9 : 0) | (maxGroup >= 13 ? TextTraits.SeparatedDigits13 : 0);

    // Traits that start at the digit text[i] (\d: any decimal digit).
    private static TextTraits DigitTraits(ReadOnlySpan<char> text, int i)
    {
        var traits = TextTraits.None;
        if (i + 1 < text.Length)
        {
            char next = text[i + 1];
            if (char.IsWhiteSpace(next) || char.IsAsciiLetter(next) && i + 2 < text.Length && char.IsWhiteSpace(text[i + 2]))
                traits |= TextTraits.DigitThenSpace;
            if (next is '.' or '-' or '/' && i + 2 < text.Length && char.IsDigit(text[i + 2]))
                traits |= TextTraits.DigitPunctuationDigit | (next == '.' ? TextTraits.DigitDotDigit : 0);
        }

        if (i > 0 && char.IsWhiteSpace(text[i - 1])) traits |= TextTraits.SpaceThenDigit;
        return traits;
    }

    // Traits that start at the non-digit text[i].
    private static TextTraits OtherTraits(ReadOnlySpan<char> text, int i, char c)
    {
        switch (c)
        {
            case '@':
                return TextTraits.At;
            case '.':
                return TextTraits.Dot | (i + 1 < text.Length && char.IsLetter(text[i + 1]) ? TextTraits.DotThenLetter : 0);
            case ':':
                var traits = TextTraits.Colon;
                if (text[(i + 1)..].StartsWith("//")) traits |= TextTraits.SchemeSeparator;
                int j = i + 1, limit = Math.Min(text.Length, i + 6);
                while (j < limit && char.IsAsciiHexDigit(text[j])) j++;
                if (j < text.Length && text[j] == ':' && j - i - 1 <= 4) traits |= TextTraits.HexColonPair;
                return traits;
            default:
                return char.IsAsciiLetterUpper(c) && i + 1 < text.Length && char.IsDigit(text[i + 1]) ? TextTraits.CapitalThenDigit : 0;
        }
    }

    /// <summary>
    /// The largest number of ASCII digits in a stretch whose other characters are all one and the same character: an
    /// upper bound of the digits any card or SSN validator can accept (they require one consistent separator).
    /// </summary>
    private struct SeparatedGroups
    {
        private int _digits;      // ASCII digits of the current group
        private int _sinceLast;   // ASCII digits since the last separator
        private int _separator;   // the group's separator, -1 while it has none

        public SeparatedGroups() => _separator = -1;

        public int Max { get; private set; }

        public void Digit()
        {
            _digits++;
            _sinceLast++;
            if (_digits > Max) Max = _digits;
        }

        public void Separator(char c)
        {
            // A different separator starts a new group holding the digits since the last separator.
            if (_separator != -1 && _separator != c) _digits = _sinceLast;
            _separator = c;
            _sinceLast = 0;
        }

        // The same as Separator for each character, without a loop: a second kind of character empties the group.
        public void SeparatorStretch(ReadOnlySpan<char> stretch)
        {
            Separator(stretch[0]);
            if (stretch.Length > 1 && stretch[1..].ContainsAnyExcept(stretch[0]))
            {
                _digits = 0;
                _separator = stretch[^1];
            }
        }
    }
}
