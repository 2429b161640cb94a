namespace PiiOrleans.Pii.Detection.Ner;

/// <summary>One sub-word token: vocabulary id, UTF-16 offsets into the text (end exclusive), and the index of its word.</summary>
public readonly record struct WordPieceToken(int Id, int Start, int End, int Word)
{
    /// <summary>
    /// The end (exclusive) of the word that starts at <paramref name="start"/>: consecutive tokens with the same
    /// <see cref="Word"/> form one word, whose text runs from the first token's start to the last token's end.
    /// </summary>
    public static int WordEnd(ReadOnlySpan<WordPieceToken> tokens, int start)
    {
        var end = start + 1;
        while (end < tokens.Length && tokens[end].Word == tokens[start].Word)
        {
            end++;
        }

        return end;
    }
}
