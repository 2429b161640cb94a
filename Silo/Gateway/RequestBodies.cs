using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace PiiOrleans.Silo.Gateway;

/// <summary>
/// Reads request bodies as JSON documents with our own error messages: the framework's binder would answer some bad
/// bodies with an empty 400 or a 500, and its messages may quote the body (which can contain PII).
/// </summary>
internal static class RequestBodies
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    /// <summary>Parses the body; on failure returns null and a message naming the line and position, never the content.</summary>
    public static async Task<(JsonDocument? Document, string? Error)> ReadJsonAsync(HttpRequest request, string expected, CancellationToken cancellationToken)
    {
        try
        {
            var document = await JsonDocument.ParseAsync(request.Body, DocumentOptions, cancellationToken);
            return (document, null);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, position {e.BytePositionInLine + 1}" : string.Empty;
            return (null, $"The request body is not valid JSON{where}. Send {expected}.");
        }
        catch (BadHttpRequestException e)
        {
            return (null, $"The request body could not be read ({e.Message}). Send {expected}.");
        }
    }
}
