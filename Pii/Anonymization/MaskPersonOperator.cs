using System.Text;

namespace PiiOrleans.Pii.Anonymization;

/// <summary>
/// The job's <c>mask_person</c>: whitespace-separated tokens keep their first 2 code points and the rest become
/// <c>*</c>; tokens are re-joined with single spaces (<c>John Smith</c> → <c>Jo** Sm***</c>). Unlike the old job, a token
/// is never kept whole: one of 2 code points keeps 1 (<c>Frank Wu</c> → <c>Fr*** W*</c>, where the old job revealed the
/// surname), a single code point becomes <c>*</c>.
/// </summary>
public sealed class MaskPersonOperator : IAnonymizationOperator
{
    /// <inheritdoc />
    public string Name => "mask_person";

    /// <inheritdoc />
    public OperatorType Type => OperatorType.Anonymize;

    /// <inheritdoc />
    public void Validate(OperatorParameters parameters)
    {
    }

    /// <inheritdoc />
    public string Operate(string text, OperatorParameters parameters) => Mask(text);

    /// <summary>The masked form of <paramref name="text"/>.</summary>
    public static string Mask(string text)
    {
        var output = new StringBuilder(text.Length);
        var rest = text.AsSpan();
        while (WhitespaceTokens.Next(ref rest, out var token))
        {
            if (output.Length > 0)
            {
                output.Append(' ');
            }

            CodePoints.AppendKeepingPrefix(output, token, Math.Min(2, CodePoints.Count(token) - 1));
        }

        return output.ToString();
    }
}
