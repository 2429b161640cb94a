namespace PiiOrleans.Grains.Interfaces.Tables;

/// <summary>
/// What a table grain copies: the table of <see cref="InputPath"/> into the already created table of
/// <see cref="OutputPath"/>, in batches of <see cref="BatchSize"/> rows with at most <see cref="MaxInFlightBatches"/>
/// batches being anonymized at once; each <c>ProcessNext</c> call works for about <see cref="SliceMilliseconds"/>.
/// </summary>
public sealed record TableWork(
    string JobId,
    string Table,
    string InputPath,
    string OutputPath,
    int BatchSize,
    int MaxInFlightBatches,
    int SliceMilliseconds);
