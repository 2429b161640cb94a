using System.Text;

namespace PiiOrleans.Pii.Anonymization;

/// <summary>
/// The job's <c>mask_person</c>: whitespace-separated tokens keep their first 2 code points and the rest become
/// <c>*</c>; tokens of 2 or fewer are kept; tokens are re-joined with single spaces (<c>John Smith</c> → <c>Jo** Sm***</c>).
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

            CodePoints.AppendKeepingPrefix(output, token, 2);
        }

        return output.ToString();
    }
}
