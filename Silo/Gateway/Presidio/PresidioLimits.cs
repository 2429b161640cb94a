using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace PiiOrleans.Silo.Gateway.Presidio;

/// <summary>
/// Bounds on one Presidio-compatible request, so that one request cannot hold the silo's CPU: at most
/// <see cref="MaxTextLength"/> characters of text (all texts of a batch together; 413 above), and at most
/// <see cref="AnalysisTimeout"/> of analysis (503 after it, and the analysis stops). The body limit
/// (<c>Silo:MaxRequestBodyBytes</c>) is the gateway guard's.
/// </summary>
public sealed record PresidioLimits(int MaxTextLength, TimeSpan AnalysisTimeout)
{
    /// <summary>Configuration key of <see cref="MaxTextLength"/>.</summary>
    public const string MaxTextLengthKey = "Silo:MaxTextLength";

    /// <summary>Configuration key of <see cref="AnalysisTimeout"/>, in seconds.</summary>
    public const string AnalysisTimeoutKey = "Silo:AnalysisTimeoutSeconds";

    /// <summary>One million characters (about what the default 1 MiB body holds) and 30 seconds.</summary>
    public static PresidioLimits Default { get; } = new(1_000_000, TimeSpan.FromSeconds(30));

    /// <summary>The limits configured in <paramref name="configuration"/>, defaults for keys not set.</summary>
    /// <exception cref="InvalidOperationException">A key is set to something other than a positive number (the message names it).</exception>
    public static PresidioLimits From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var length = Positive(configuration[MaxTextLengthKey], MaxTextLengthKey) is { } l ? (int)Math.Min(l, int.MaxValue) : Default.MaxTextLength;
        var timeout = Positive(configuration[AnalysisTimeoutKey], AnalysisTimeoutKey) is { } t ? TimeSpan.FromSeconds(t) : Default.AnalysisTimeout;
        return new PresidioLimits(length, timeout);
    }

    private static double? Positive(string? value, string key)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number > 0 && double.IsFinite(number)
            ? number
            : throw new InvalidOperationException($"{key} must be a positive number.");
    }
}
