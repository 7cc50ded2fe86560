using Ardalis.Result;
using MediaVault.Application.Common;
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
        var errors = Errors(result);
        return TypedResults.ValidationProblem(errors, detail: ValidationDetail(result, errors), title: "The request is not valid.", type: ProblemTypes.Validation);
    }

    // At most Validation.MaxErrors messages: the validators stop collecting there, and the detail says so.
    private static Dictionary<string, string[]> Errors(Ardalis.Result.IResult result) =>
        result.ValidationErrors
            .Take(Validation.MaxErrors)
            .GroupBy(e => string.IsNullOrEmpty(e.Identifier) ? "request" : e.Identifier)
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());

    /// <summary>Names the fields in error, and says when more errors were found than are listed.</summary>
    private static string ValidationDetail(Ardalis.Result.IResult result, Dictionary<string, string[]> errors)
    {
        var fields = string.Join(", ", errors.Keys);
        var detail = errors.Count == 1 ? $"The field {fields} is not valid: see errors." : $"The fields {fields} are not valid: see errors.";
        return Validation.IsTruncated([.. result.ValidationErrors])
            ? $"{detail} Only the first {Validation.MaxErrors} errors are listed."
            : detail;
    }

    public static ProblemHttpResult ToProblem(this Ardalis.Result.IResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var detail = result.Errors.FirstOrDefault();
        return result.Status switch
        {
            ResultStatus.Invalid => TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "The request is not valid.",
                detail: ValidationDetail(result, Errors(result)),
                type: ProblemTypes.Validation,
                extensions: new Dictionary<string, object?> { ["errors"] = Errors(result) }),
            ResultStatus.NotFound => Problems.NotFound(),
            ResultStatus.Forbidden => Problems.Forbidden(detail),
            ResultStatus.Conflict => Problems.Conflict(detail),
            ResultStatus.Unauthorized => TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: detail, type: ProblemTypes.Unauthorized),
            ResultStatus.Unavailable => TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service unavailable", detail: detail, type: ProblemTypes.Unavailable),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "An unexpected error occurred.", detail: "The server failed to answer; the fault is logged.", type: ProblemTypes.Internal),
        };
    }
}
