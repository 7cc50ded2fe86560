using Ardalis.Result;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaVault.WebApi.Infrastructure;

/// <summary>
/// Maps a use case's <see cref="Result"/> to HTTP: Invalid → 400 validation problem (errors keyed by camelCase field),
/// NotFound → 404 (also for what the caller may not see), Forbidden → 403, Conflict → 409.
/// </summary>
public static class ResultExtensions
{
    public static ValidationProblem ToValidationProblem(this Ardalis.Result.IResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return TypedResults.ValidationProblem(Errors(result), title: "The request is not valid.", type: ProblemTypes.Validation);
    }

    private static Dictionary<string, string[]> Errors(Ardalis.Result.IResult result) =>
        result.ValidationErrors
            .GroupBy(e => string.IsNullOrEmpty(e.Identifier) ? "request" : e.Identifier)
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());

    public static ProblemHttpResult ToProblem(this Ardalis.Result.IResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var detail = result.Errors.FirstOrDefault();
        return result.Status switch
        {
            ResultStatus.Invalid => TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "The request is not valid.",
                type: ProblemTypes.Validation,
                extensions: new Dictionary<string, object?> { ["errors"] = Errors(result) }),
            ResultStatus.NotFound => Problems.NotFound(),
            ResultStatus.Forbidden => Problems.Forbidden(detail),
            ResultStatus.Conflict => Problems.Conflict(detail),
            ResultStatus.Unauthorized => TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: detail, type: ProblemTypes.Unauthorized),
            ResultStatus.Unavailable => TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service unavailable", detail: detail, type: ProblemTypes.Unavailable),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "An unexpected error occurred.", type: ProblemTypes.Internal),
        };
    }
}
