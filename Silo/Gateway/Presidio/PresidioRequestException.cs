using Microsoft.AspNetCore.Http;

namespace PiiOrleans.Silo.Gateway.Presidio;

/// <summary>
/// A Presidio request cannot be served; answered as <c>{"error": message}</c> with <see cref="StatusCode"/> (400 for a
/// malformed request, 422 for invalid analyzer results or operator parameters, as Presidio's anonymizer answers).
/// </summary>
internal sealed class PresidioRequestException(string message, int statusCode = StatusCodes.Status400BadRequest) : Exception(message)
{
    /// <summary>The HTTP status of the answer.</summary>
    public int StatusCode { get; } = statusCode;

    /// <summary>An invalid-parameter error (Presidio's <c>InvalidParamError</c>, answered as 422).</summary>
    public static PresidioRequestException InvalidParameter(string message) => new(message, StatusCodes.Status422UnprocessableEntity);
}
