using Ardalis.Result;
using MediaVault.Application.Assets.CompleteUpload;
using MediaVault.Application.Sharing.Drops;
using MediaVault.WebApi.Contracts;
using MediaVault.WebApi.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace MediaVault.WebApi.Endpoints;

/// <summary>
/// <c>/api/v1/public/links/{token}/uploads</c>: anyone holding an upload link drops files into its collection (ADR-078),
/// anonymously, rate-limited per client address like every public link call.
/// </summary>
public static class DropEndpoints
{
    private const string Door =
        " 404 for a token that is unknown, revoked, expired or out of uploads, or that is not an upload link (all alike); "
        + "401 when the link has a password and the body's password is missing or wrong; 429 with Retry-After after 10 "
        + "wrong passwords in 15 minutes, or past RateLimiting__PublicLinkPermitsPerMinute calls per client address.";

    public static RouteGroupBuilder MapDropEndpoints(this RouteGroupBuilder api)
    {
        var open = api.MapGroup("/public/links").WithTags("Public links").AllowAnonymous().RequireRateLimiting(RateLimitingSetup.PublicLinksPolicy);

        open.MapPost("/{token}/uploads", Start)
            .WithName("PublicLinks_StartUpload")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Start dropping a file through an upload link")
            .WithDescription(
                "Anonymous. Checks fileName, contentType (image/*, video/*, audio/*) and sizeBytes as POST /assets does (400 "
                + "naming the field) and answers a secret uploadId with the same upload instructions: one presigned PUT or a "
                + "MULTIPART upload, never outliving the link. The file will belong to the collection's owner and is reserved "
                + "on their quota now (409, problem type ending in quota-exceeded, when it does not fit). Then call "
                + "POST /public/links/{token}/uploads/{uploadId}/complete; a drop never completed is purged like any abandoned "
                + "upload." + Door);

        open.MapPost("/{token}/uploads/{uploadId}/complete", Complete)
            .WithName("PublicLinks_CompleteUpload")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Complete a file dropped through an upload link")
            .WithDescription(
                "Anonymous. Checks the stored object as POST /assets/{id}/complete does (parts required for a multipart "
                + "upload; 409 while the object is missing or differs from what was declared: upload again and retry). On "
                + "success the file is the collection owner's ready asset in the collection, and counts toward maxUploads: of "
                + "two uploads completing for the last slot exactly one wins, the other gets 404. An uploadId of another link, "
                + "a guessed or an already completed one: 404. The answer says nothing about the asset or the collection."
                + Door);

        return api;
    }

    public static async Task<Results<Created<StartDropResponse>, ValidationProblem, ProblemHttpResult>> Start(
        string token, StartDropRequest request, StartDropHandler handler, HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var outcome = await handler.HandleAsync(
            new StartDropCommand(token, request.FileName, request.ContentType, request.SizeBytes, request.Password), cancellationToken);
        if (LinkProblems.PasswordAttemptsRefused(outcome, context) is { } refused)
        {
            return refused;
        }

        var result = outcome.Outcome;
        return result.Status switch
        {
            ResultStatus.Ok => TypedResults.Created((string?)null, new StartDropResponse(result.Value.UploadId, result.Value.Upload.ToResponse())),
            ResultStatus.Invalid => result.ToValidationProblem(),
            ResultStatus.Conflict when result.Errors.Contains(DropErrors.QuotaExceeded) => Problems.Conflict(DropErrors.QuotaExceeded, ProblemTypes.QuotaExceeded),
            _ => result.ToProblem(),
        };
    }

    public static async Task<Results<Ok<CompleteDropResponse>, ValidationProblem, ProblemHttpResult>> Complete(
        string token,
        string uploadId,
        [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] CompleteDropRequest? request,
        CompleteDropHandler handler,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        var parts = request?.Parts?.Select(p => new CompletedPartInput(p?.PartNumber, p?.Etag)).ToList();
        var outcome = await handler.HandleAsync(new CompleteDropCommand(token, uploadId, parts, request?.Password), cancellationToken);
        if (LinkProblems.PasswordAttemptsRefused(outcome, context) is { } refused)
        {
            return refused;
        }

        var result = outcome.Outcome;
        return result.Status switch
        {
            ResultStatus.Ok => TypedResults.Ok(new CompleteDropResponse(result.Value.UploadId, result.Value.Status)),
            ResultStatus.Invalid => result.ToValidationProblem(),
            _ => result.ToProblem(),
        };
    }
}
