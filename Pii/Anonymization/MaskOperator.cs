using System.Text;

namespace PiiOrleans.Pii.Anonymization;

/// <summary>
/// Presidio's mask: replaces <c>chars_to_mask</c> code points with <c>masking_char</c>, from the end when
/// <c>from_end</c> is true, else from the start; the length is preserved and a non-positive count masks nothing.
/// </summary>
public sealed class MaskOperator : IAnonymizationOperator
{
    /// <inheritdoc />
    public string Name => "mask";

    /// <inheritdoc />
    public OperatorType Type => OperatorType.Anonymize;

    /// <inheritdoc />
    public void Validate(OperatorParameters parameters)
    {
        var maskingChar = parameters.GetRequiredString("masking_char");
        if (CodePoints.Count(maskingChar) != 1)
        {
            throw new OperatorParameterException("masking_char", "Invalid input, masking_char must be a character");
        }

        if (parameters.GetInt("chars_to_mask") is null)
        {
            throw OperatorParameters.Missing("chars_to_mask");
        }

        if (parameters.GetBool("from_end") is null)
        {
            throw OperatorParameters.Missing("from_end");
        }
    }

    /// <inheritdoc />
    public string Operate(string text, OperatorParameters parameters)
    {
        var maskingChar = parameters.GetRequiredString("masking_char");
        var charsToMask = parameters.GetInt("chars_to_mask") ?? 0;
        var fromEnd = parameters.GetBool("from_end") ?? false;
        var length = CodePoints.Count(text);
        var masked = charsToMask > 0 ? (int)Math.Min(length, charsToMask) : 0;
        if (masked == 0)
        {
            return text;
        }

        var startPoint = fromEnd ? length - masked : 0;
        var start = CodePoints.IndexOf(text, startPoint);
        var end = start + CodePoints.IndexOf(text.AsSpan(start), masked);
        var builder = new StringBuilder(text.Length + (maskingChar.Length - 1) * masked);
        builder.Append(text, 0, start);
        for (var i = 0; i < masked; i++)
        {
            builder.Append(maskingChar);
        }

        return builder.Append(text, end, text.Length - end).ToString();
    }
}
