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
    /// <summary>The one body for "missing" and "not yours": the two must not be told apart.</summary>
    public static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "The resource does not exist.", type: ProblemTypes.NotFound);

    public static ProblemHttpResult Forbidden(string? detail = null) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail ?? "Your role does not allow this action.", type: ProblemTypes.Forbidden);

    public static ProblemHttpResult Conflict(string? detail = null, string type = ProblemTypes.Conflict) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail ?? "The request conflicts with the current state.", type: type);
}
