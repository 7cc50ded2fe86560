using Ardalis.Result;
using MediaVault.Application.Sharing.CreateLink;
using MediaVault.Application.Sharing.DownloadViaLink;
using MediaVault.Application.Sharing.GetPublicLink;
using MediaVault.Application.Sharing.ListLinks;
using MediaVault.Application.Sharing.RevokeLink;
using MediaVault.WebApi.Contracts;
using MediaVault.WebApi.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace MediaVault.WebApi.Endpoints;

/// <summary>
/// <c>/api/v1/assets/{id}/links</c> (owner and managers manage public links) and <c>/api/v1/public/links/{token}</c>
/// (anyone holding a token, rate-limited per client address).
/// </summary>
public static class LinkEndpoints
{
    private const string Visibility =
        " 404 when the asset does not exist or you may not see it; 403 when you may see it but are not its owner or a manager.";

    public static RouteGroupBuilder MapLinkEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/assets/{id:guid}/links").WithTags("Sharing").RequireAuthorization();

        group.MapPost("/", Create)
            .WithName("Links_Create")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Create a public link to the asset")
            .WithDescription(
                "Owner or manager, ready assets only (409 for a pending one). The token (256 random bits) and url are shown in "
                + "this response only; the server keeps a hash. Optional: expiresAt (future), password, maxDownloads (at least 1)."
                + Visibility);

        group.MapGet("/", List)
            .WithName("Links_List")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("List the asset's public links")
            .WithDescription("Owner or manager. Links not revoked, newest first, without tokens; expired or used-up ones have active: false." + Visibility);

        group.MapDelete("/{linkId:guid}", Delete)
            .WithName("Links_Delete")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Revoke a public link")
            .WithDescription("Owner or manager. The link stops working with the next request. 404 for a link of another asset or one already revoked." + Visibility);

        var open = api.MapGroup("/public/links").WithTags("Public links").AllowAnonymous().RequireRateLimiting(RateLimitingSetup.PublicLinksPolicy);

        open.MapGet("/{token}", GetPublic)
            .WithName("PublicLinks_Get")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("What a public link points at")
            .WithDescription(
                "Anonymous. For an asset link (kind asset): the asset's title, file name, type and size (collection null). For a "
                + "collection link (kind view or upload): the collection's name and description (asset null). Both: whether a "
                + "password is needed and when the link expires. Recorded as link.viewed (on the asset, or on the collection). "
                + "404 for a token that is unknown, revoked, expired or used up, or whose asset is gone (all alike). 429 with "
                + "Retry-After past RateLimiting__PublicLinkPermitsPerMinute calls per client address.");

        open.MapPost("/{token}/download", DownloadPublic)
            .WithName("PublicLinks_Download")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Download through a public link")
            .WithDescription(
                "Anonymous. A presigned GET valid for Storage__DownloadUrlTtlSeconds at most, and never past the link's expiry. "
                + "401 when the link has a password and it is missing or wrong. Each success counts toward maxDownloads, exactly "
                + "once even when holders download at the same time; 404 once the link cannot be used. Rate-limited like the GET.");

        return api;
    }

    public static async Task<Results<Created<CreatedLinkResponse>, ValidationProblem, ProblemHttpResult>> Create(
        Guid id, CreateLinkRequest request, CreateLinkHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await handler.HandleAsync(new CreateLinkCommand(id, request.ExpiresAt, request.Password, request.MaxDownloads), cancellationToken);
        return result.Status switch
        {
            ResultStatus.Ok => TypedResults.Created((string?)null, result.Value.ToResponse()),
            ResultStatus.Invalid => result.ToValidationProblem(),
            _ => result.ToProblem(),
        };
    }

    public static async Task<Results<Ok<ItemsResponse<LinkResponse>>, ProblemHttpResult>> List(
        Guid id, ListLinksHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new ListLinksQuery(id), cancellationToken);
        return result.IsSuccess
            ? TypedResults.Ok(new ItemsResponse<LinkResponse>([.. result.Value.Select(l => l.ToResponse())]))
            : result.ToProblem();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        Guid id, Guid linkId, RevokeLinkHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new RevokeLinkCommand(id, linkId), cancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : result.ToProblem();
    }

    public static async Task<Results<Ok<PublicLinkResponse>, ProblemHttpResult>> GetPublic(
        string token, GetPublicLinkHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new GetPublicLinkQuery(token), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value.ToResponse()) : result.ToProblem();
    }

    public static async Task<Results<Ok<DownloadResponse>, ProblemHttpResult>> DownloadPublic(
        string token,
        [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] PublicDownloadRequest? request,
        DownloadViaLinkHandler handler,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        var outcome = await handler.HandleAsync(new DownloadViaLinkCommand(token, request?.Password), cancellationToken);
        if (LinkProblems.PasswordAttemptsRefused(outcome, context) is { } refused)
        {
            return refused;
        }

        var result = outcome.Outcome;
        return result.IsSuccess ? TypedResults.Ok(result.Value.ToResponse()) : result.ToProblem();
    }
}
