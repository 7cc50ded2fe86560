using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaVault.WebApi.Infrastructure;

/// <summary>The <c>type</c> URIs of MediaVault's problem details; documented in the OpenAPI description.</summary>
public static class ProblemTypes
{
    public const string Base = "https://mediavault.dev/problems/";
    public const string Validation = Base + "validation";
    public const string NotFound = Base + "not-found";
    public const string Forbidden = Base + "forbidden";
    public const string Conflict = Base + "conflict";
    public const string QuotaExceeded = Base + "quota-exceeded";
    public const string Unauthorized = Base + "unauthorized";
    public const string InvalidCredentials = Base + "invalid-credentials";
    public const string EmailNotVerified = Base + "email-not-verified";
    public const string AccountDisabled = Base + "account-disabled";
    public const string TooManyRequests = Base + "too-many-requests";
    public const string Unavailable = Base + "unavailable";
    public const string BadRequest = Base + "bad-request";
    public const string Internal = Base + "internal";
}

public static class Problems
{
    /// <summary>
    /// Applied to every problem the application writes: the trace id, and the members RFC 9457 and the contract
    /// expect (<c>type</c>, <c>title</c>, <c>detail</c>) where the writer of the problem left them out (status code pages,
    /// framework rejections).
    /// </summary>
    public static void Complete(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        problem.Status = status;
        problem.Type ??= status switch
        {
            StatusCodes.Status401Unauthorized => ProblemTypes.Unauthorized,
            StatusCodes.Status403Forbidden => ProblemTypes.Forbidden,
            StatusCodes.Status404NotFound => ProblemTypes.NotFound,
            StatusCodes.Status409Conflict => ProblemTypes.Conflict,
            StatusCodes.Status429TooManyRequests => ProblemTypes.TooManyRequests,
            StatusCodes.Status503ServiceUnavailable => ProblemTypes.Unavailable,
            >= 500 => ProblemTypes.Internal,
            _ => ProblemTypes.BadRequest,
        };
        problem.Title ??= Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error";
        problem.Detail ??= status switch
        {
            StatusCodes.Status404NotFound => "The resource does not exist.",
            StatusCodes.Status405MethodNotAllowed => "The resource does not support this method.",
            StatusCodes.Status415UnsupportedMediaType => "The request body must be application/json in UTF-8.",
            >= 500 => "The server failed to answer; the fault is logged.",
            _ => "The request could not be processed.",
        };
        problem.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
    }

    /// <summary>The one body for "missing" and "not yours": the two must not be told apart.</summary>
    public static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "The resource does not exist.", type: ProblemTypes.NotFound);

    public static ProblemHttpResult Forbidden(string? detail = null) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail ?? "Your role does not allow this action.", type: ProblemTypes.Forbidden);

    public static ProblemHttpResult Conflict(string? detail = null, string type = ProblemTypes.Conflict) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail ?? "The request conflicts with the current state.", type: type);
}
