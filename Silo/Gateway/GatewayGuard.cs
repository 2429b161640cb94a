using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace PiiOrleans.Silo.Gateway;

/// <summary>
/// The gateway's front door, before any endpoint: a Host header this silo answers to (DNS rebinding), no foreign
/// browser Origin, a JSON content type on every POST (a web page cannot send one without asking), the API key on job
/// endpoints, and a body size limit answered with a 413 that says what to do.
/// </summary>
public sealed class GatewayGuard(RequestDelegate next, GatewayGuardOptions options)
{
    private readonly byte[]? _apiKey = string.IsNullOrEmpty(options.ApiKey) ? null : Encoding.UTF8.GetBytes(options.ApiKey);

    /// <summary>Checks the request, then passes it on.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (!IsAllowedHost(request.Host))
        {
            await Refuse(context, StatusCodes.Status421MisdirectedRequest, "Unknown host.",
                "This silo does not answer to that Host header. Use its address, or add the name to Silo:AllowedHosts.");
            return;
        }

        if (request.Headers.Origin is { Count: > 0 } origin && !options.AllowedOrigins.Contains(origin.ToString(), StringComparer.OrdinalIgnoreCase))
        {
            await Refuse(context, StatusCodes.Status403Forbidden, "Origin not allowed.",
                "Browser pages may not call this silo. Add the page's origin to Silo:AllowedOrigins if it must.");
            return;
        }

        if (IsJobEndpoint(request.Path) && _apiKey is not null && !HasApiKey(request))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await Refuse(context, StatusCodes.Status401Unauthorized, "API key required.",
                "Send the silo's API key in the X-Api-Key header or as 'Authorization: Bearer <key>'.");
            return;
        }

        if (HttpMethods.IsPost(request.Method))
        {
            if (request.ContentLength > options.MaxRequestBodyBytes)
            {
                await DrainSmallExcessAsync(context);
                await TooLarge(context);
                return;
            }

            if (request.ContentLength is not 0 && !IsJson(request.ContentType))
            {
                await Refuse(context, StatusCodes.Status415UnsupportedMediaType, "JSON required.",
                    "Send the body with 'Content-Type: application/json'.");
                return;
            }
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.MaxRequestBodyBytes;
        }

        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            // A chunked body that grew past the limit while an endpoint read it.
            await TooLarge(context);
        }
    }

    // Closing a connection with unread bytes resets it, and the client may never see the 413: read (and drop) a body
    // that is only a little too large. A much larger one is not read; that client gets the reset.
    private static async Task DrainSmallExcessAsync(HttpContext context)
    {
        const long MaxDrainBytes = 1024 * 1024;
        if (context.Request.ContentLength > MaxDrainBytes
            || context.Features.Get<IHttpMaxRequestBodySizeFeature>() is not { IsReadOnly: false } limit)
        {
            return;
        }

        limit.MaxRequestBodySize = MaxDrainBytes;
        var buffer = new byte[16 * 1024];
        while (await context.Request.Body.ReadAsync(buffer, context.RequestAborted) > 0)
        {
        }
    }

    private Task TooLarge(HttpContext context) =>
        Refuse(context, StatusCodes.Status413PayloadTooLarge, "Request body too large.",
            $"The body is larger than {options.MaxRequestBodyBytes} bytes (Silo:MaxRequestBodyBytes). Send smaller texts, or split them.");

    private bool IsAllowedHost(HostString host)
    {
        if (!host.HasValue)
        {
            return false;
        }

        var name = host.Host.Trim('[', ']');
        if (options.AllowedHosts.Contains("*") || options.AllowedHosts.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        if (name.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // An address literal cannot be a rebound DNS name; loopback always, others when the silo listens beyond loopback.
        return IPAddress.TryParse(name, out var address) && (IPAddress.IsLoopback(address) || options.ListensBeyondLoopback);
    }

    private bool HasApiKey(HttpRequest request)
    {
        string? given = request.Headers["X-Api-Key"].ToString();
        if (string.IsNullOrEmpty(given) && request.Headers.Authorization.ToString() is { } authorization
            && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            given = authorization["Bearer ".Length..].Trim();
        }

        return !string.IsNullOrEmpty(given) && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), _apiKey);
    }

    private static bool IsJobEndpoint(PathString path) =>
        path.StartsWithSegments("/jobs", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/jobtypes", StringComparison.OrdinalIgnoreCase);

    private static bool IsJson(string? contentType) =>
        contentType is not null && contentType.Split(';')[0].Trim() is var media
        && (media.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static Task Refuse(HttpContext context, int status, string title, string detail) =>
        Results.Problem(detail: detail, statusCode: status, title: title).ExecuteAsync(context);
}
