using PiiOrleans.Tracks;

namespace PiiOrleans.Tracks.Formats;

/// <summary>What <see cref="TsvFormatDetector"/> concluded: format, confidence, reason, run-id columns and whether row 1 is a header.</summary>
public sealed record TsvFormatHint(TsvFormat Format, string Confidence, string Reason, IReadOnlyList<int> RunIdColumns, bool HasHeaderRow);
