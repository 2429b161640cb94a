using System.Net;

namespace PiiOrleans.Client.Connection;

/// <summary>The silo refused a request (4xx/5xx). <see cref="Exception.Message"/> is the gateway's problem detail.</summary>
public sealed class SiloRequestException(HttpStatusCode statusCode, string message) : Exception(message)
{
    /// <summary>The HTTP status the gateway answered with.</summary>
    public HttpStatusCode StatusCode { get; } = statusCode;
}
