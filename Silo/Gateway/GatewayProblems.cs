using Microsoft.AspNetCore.Http;

namespace PiiOrleans.Silo.Gateway;

/// <summary>The gateway's error answers: RFC 7807 problem details whose detail tells the caller what to fix.</summary>
internal static class GatewayProblems
{
    public static IResult BadRequest(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "The request is invalid.");

    public static IResult NotFound(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found.");

    public static IResult Conflict(string detail) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, title: "The job cannot do that now.");
}
