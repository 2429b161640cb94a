namespace PiiOrleans.Pii.Detection.Ner;

/// <summary>
/// Per-word input features for models that take a <c>word_features</c> input ([batch, sequence, 8] floats, 0 or 1):
/// word shape and gazetteer membership, the same bits as <c>train/features.py</c> computes in training. Every word
/// piece carries the bits of its word; [CLS], [SEP] and padding carry none.
/// <list type="bullet">
/// <item>bit 0 capitalised (first character an upper-case letter, some lower-case letter), bit 1 all capitals (two or
/// more letters, none lower-case), bit 2 all lower-case (a letter, none upper-case), bit 3 has a digit;</item>
/// <item>bit 4 a known first name, bit 5 a known surname, bit 6 a known city, region or country (each looked up as
/// written, else title-cased), bit 7 an English word (looked up lower-cased).</item>
/// </list>
/// </summary>
public static class NerWordFeatures
{
    /// <summary>The input name.</summary>
    public const string InputName = "word_features";

    /// <summary>Number of feature values per position.</summary>
    public const int Count = 8;

    /// <summary>The feature bits of one word.</summary>
    public static int Bits(ReadOnlySpan<char> word, Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        if (word.IsEmpty)
        {
            return 0;
        }

        bool upper = false, lower = false, digit = false;
        var letters = 0;
        foreach (var c in word)
        {
            upper |= char.IsUpper(c);
            lower |= char.IsLower(c);
            digit |= char.IsDigit(c);
            letters += char.IsLetter(c) ? 1 : 0;
        }

        var bits = 0;
        bits |= char.IsUpper(word[0]) && lower ? 1 : 0;
        bits |= letters >= 2 && !lower ? 2 : 0;
        bits |= letters >= 1 && !upper ? 4 : 0;
        bits |= digit ? 8 : 0;
        return bits | gazetteer.FeatureBits(word);
    }

    /// <summary>
    /// Writes the bits of every token's word into <paramref name="bits"/> (one entry per token); consecutive tokens with
    /// the same <see cref="WordPieceToken.Word"/> form one word.
    /// </summary>
    public static void Compute(string text, ReadOnlySpan<WordPieceToken> tokens, Gazetteer gazetteer, Span<byte> bits)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < tokens.Length;)
        {
            var end = WordPieceToken.WordEnd(tokens, i);
            bits[i..end].Fill((byte)Bits(text.AsSpan(tokens[i].Start, tokens[end - 1].End - tokens[i].Start), gazetteer));
            i = end;
        }
    }
}
