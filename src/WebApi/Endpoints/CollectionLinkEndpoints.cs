using MediaVault.Application.Collections.Links.CreateCollectionLink;
using MediaVault.Application.Collections.Links.DownloadLinkAsset;
using MediaVault.Application.Collections.Links.GetLinkAssetRendition;
using MediaVault.Application.Collections.Links.ListCollectionLinks;
using MediaVault.Application.Collections.Links.ListLinkAssets;
using MediaVault.Application.Collections.Links.RevokeCollectionLink;
using MediaVault.WebApi.Contracts;
using MediaVault.WebApi.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace MediaVault.WebApi.Endpoints;

/// <summary>
/// <c>/api/v1/collections/{id}/links</c> (the collection's owner and managers manage its view and upload links) and
/// what a view link opens under <c>/api/v1/public/links/{token}/assets</c> (anyone holding its token, rate-limited per
/// client address like every public-link call).
/// </summary>
public static class CollectionLinkEndpoints
{
    /// <summary>The header a GET through a link carries its password in: passwords never travel in URLs.</summary>
    public const string PasswordHeader = "X-Link-Password";

    private const string Visibility =
        " 404 when the collection does not exist or you may not see it; 403 when you see it but are not its owner or a manager.";

    private const string PublicRefusals =
        " 404 for a token that is unknown, revoked or expired, or that is not a view link (an asset or upload link), all alike. "
        + "401 when the link has a password and it is missing or wrong; 429 with Retry-After after 10 wrong passwords in 15 "
        + "minutes (the right one included), or past RateLimiting__PublicLinkPermitsPerMinute calls per client address.";

    public static RouteGroupBuilder MapCollectionLinkEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/collections/{id:guid}/links").WithTags("Collections").RequireAuthorization();

        group.MapPost("/", Create)
            .WithName("CollectionLinks_Create")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Create a view or upload link to the collection")
            .WithDescription(
                "Owner or manager. kind view: anyone with the link lists the collection's ready assets that inherit access, "
                + "sees their renditions and, with allowDownload (default true), downloads originals, up to maxDownloads in all. "
                + "kind upload: anyone with the link drops files into the collection, up to maxUploads. The token (256 random "
                + "bits) and url are shown in this response only. The link policy applies as for asset links "
                + "(Links__DefaultExpiryDays, Links__MaxExpiryDays, Links__MinPasswordLength). kind missing or unknown, maxUploads "
                + "on a view link, maxDownloads or allowDownload on an upload link: 400 naming the field." + Visibility);

        group.MapGet("/", List)
            .WithName("CollectionLinks_List")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("List the collection's links")
            .WithDescription("Owner or manager. Links not revoked, newest first, without tokens; expired or used-up ones have active: false." + Visibility);

        group.MapDelete("/{linkId:guid}", Delete)
            .WithName("CollectionLinks_Delete")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Revoke a collection link")
            .WithDescription("Owner or manager. The link stops working with the next request. 404 for a link of another collection or one already revoked." + Visibility);

        var open = api.MapGroup("/public/links").WithTags("Public links").AllowAnonymous().RequireRateLimiting(RateLimitingSetup.PublicLinksPolicy);

        open.MapGet("/{token}/assets", ListAssets)
            .WithName("PublicLinks_ListAssets")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("List what a view link shows")
            .WithDescription(
                "Anonymous, password in the X-Link-Password header. The collection's assets that are ready, not in the trash and "
                + "inherit access, newest first (createdAt desc, id desc), keyset-paginated (limit 1–100, default 50; cursor from "
                + "the previous page, valid for this link only), with public fields only. Recorded as link.viewed on the collection."
                + PublicRefusals);

        open.MapPost("/{token}/assets/{assetId:guid}/download", DownloadAsset)
            .WithName("PublicLinks_DownloadAsset")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Download an original through a view link")
            .WithDescription(
                "Anonymous, password in the body. A presigned GET valid for Storage__DownloadUrlTtlSeconds at most, and never past "
                + "the link's expiry. 403 when the link gives renditions only (allowDownload false) or has no downloads left; each "
                + "success counts toward maxDownloads, exactly once even when holders download at the same time. 404 for an asset "
                + "the link does not list. Recorded as link.downloaded on the asset and the collection." + PublicRefusals);

        open.MapGet("/{token}/assets/{assetId:guid}/renditions/{name}", GetAssetRendition)
            .WithName("PublicLinks_GetAssetRendition")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Get a rendition URL through a view link")
            .WithDescription(
                "Anonymous, password in the X-Link-Password header. A presigned GET of the asset's thumbnail or preview, whether or "
                + "not the link gives originals, never valid past the link's expiry. 404 for an asset the link does not list or a "
                + "rendition name it has not; 409 while the rendition is pending or when it failed. Recorded as link.viewed on the "
                + "asset and the collection." + PublicRefusals);

        return api;
    }

    public static async Task<Results<Created<CreatedCollectionLinkResponse>, ProblemHttpResult>> Create(
        Guid id, CreateCollectionLinkRequest request, CreateCollectionLinkHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await handler.HandleAsync(
            new CreateCollectionLinkCommand(id, request.Kind, request.ExpiresAt, request.Password, request.MaxDownloads, request.MaxUploads, request.AllowDownload),
            cancellationToken);
        return result.IsSuccess ? TypedResults.Created((string?)null, result.Value.ToResponse()) : result.ToProblem();
    }

    public static async Task<Results<Ok<ItemsResponse<CollectionLinkResponse>>, ProblemHttpResult>> List(
        Guid id, ListCollectionLinksHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new ListCollectionLinksQuery(id), cancellationToken);
        return result.IsSuccess
            ? TypedResults.Ok(new ItemsResponse<CollectionLinkResponse>([.. result.Value.Select(l => l.ToResponse())]))
            : result.ToProblem();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        Guid id, Guid linkId, RevokeCollectionLinkHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new RevokeCollectionLinkCommand(id, linkId), cancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : result.ToProblem();
    }

    public static async Task<Results<Ok<PageResponse<PublicLinkAssetResponse>>, ProblemHttpResult>> ListAssets(
        string token,
        [FromHeader(Name = PasswordHeader)] string? password,
        int? limit,
        string? cursor,
        ListLinkAssetsHandler handler,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        var outcome = await handler.HandleAsync(new ListLinkAssetsQuery(token, password, limit, cursor), cancellationToken);
        if (LinkProblems.PasswordAttemptsRefused(outcome, context) is { } refused)
        {
            return refused;
        }

        var result = outcome.Outcome;
        return result.IsSuccess ? TypedResults.Ok(result.Value.ToResponse()) : result.ToProblem();
    }

    public static async Task<Results<Ok<DownloadResponse>, ProblemHttpResult>> DownloadAsset(
        string token,
        Guid assetId,
        [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] PublicDownloadRequest? request,
        DownloadLinkAssetHandler handler,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        var outcome = await handler.HandleAsync(new DownloadLinkAssetCommand(token, assetId, request?.Password), cancellationToken);
        if (LinkProblems.PasswordAttemptsRefused(outcome, context) is { } refused)
        {
            return refused;
        }

        var result = outcome.Outcome;
        return result.IsSuccess ? TypedResults.Ok(result.Value.ToResponse()) : result.ToProblem();
    }

    public static async Task<Results<Ok<DownloadResponse>, ProblemHttpResult>> GetAssetRendition(
        string token,
        Guid assetId,
        string name,
        [FromHeader(Name = PasswordHeader)] string? password,
        GetLinkAssetRenditionHandler handler,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        var outcome = await handler.HandleAsync(new GetLinkAssetRenditionQuery(token, assetId, name, password), cancellationToken);
        if (LinkProblems.PasswordAttemptsRefused(outcome, context) is { } refused)
        {
            return refused;
        }

        var result = outcome.Outcome;
        return result.IsSuccess ? TypedResults.Ok(result.Value.ToResponse()) : result.ToProblem();
    }
}
