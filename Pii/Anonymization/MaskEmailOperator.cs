using System.Text;

namespace PiiOrleans.Pii.Anonymization;

/// <summary>
/// The job's <c>mask_email</c> exactly as the spec's worked examples: the user part keeps 2 code points, the domain
/// becomes <c>first-label-masked.last-label</c> with middle labels dropped (<c>user@example.com</c> → <c>us**@e******.com</c>).
/// </summary>
public sealed class MaskEmailOperator : IAnonymizationOperator
{
    /// <inheritdoc />
    public string Name => "mask_email";

    /// <inheritdoc />
    public OperatorType Type => OperatorType.Anonymize;

    /// <inheritdoc />
    public void Validate(OperatorParameters parameters)
    {
    }

    /// <inheritdoc />
    public string Operate(string text, OperatorParameters parameters) => Mask(text);

    /// <summary>The masked form of <paramref name="text"/>; text without <c>@</c> is returned unchanged.</summary>
    public static string Mask(string text)
    {
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
        {
            return text;
        }

        var user = text.AsSpan(0, at);
        var domain = text.AsSpan(at + 1);
        var output = new StringBuilder(text.Length);
        CodePoints.AppendKeepingPrefix(output, user, 2);
        output.Append('@');
        var firstDot = domain.IndexOf('.');
        if (firstDot < 0)
        {
            return output.Append(domain).ToString();
        }

        var head = domain[..firstDot];
        var last = domain[(domain.LastIndexOf('.') + 1)..];
        if (CodePoints.Count(head) <= 2)
        {
            output.Append(head);
        }
        else
        {
            CodePoints.AppendKeepingPrefix(output, head, 1);
        }

        return output.Append('.').Append(last).ToString();
    }
}
