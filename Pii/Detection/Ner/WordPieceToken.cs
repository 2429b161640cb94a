namespace PiiOrleans.Pii.Detection.Ner;

/// <summary>One sub-word token: vocabulary id, UTF-16 offsets into the text (end exclusive), and the index of its word.</summary>
public readonly record struct WordPieceToken(int Id, int Start, int End, int Word);
