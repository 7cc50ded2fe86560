using MediaVault.Application.Assets.FindDuplicates;
using MediaVault.Application.Assets.GetRendition;
using MediaVault.WebApi.Contracts;
using MediaVault.WebApi.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaVault.WebApi.Endpoints;

/// <summary>The media-processing additions of <c>/api/v1/assets</c>: renditions and the duplicate check.</summary>
public static class AssetMediaEndpoints
{
    public static RouteGroupBuilder MapAssetMediaEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/assets").WithTags("Assets").RequireAuthorization();

        group.MapGet("/{id:guid}/renditions/{name}", GetRendition)
            .WithName("Assets_GetRendition")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Get a rendition URL")
            .WithDescription(
                "Anyone who can see the asset, view-only grantees included: a presigned GET of its thumbnail or preview, "
                + "valid as long as a download URL (never longer than the grant that allows it). A name the asset has no "
                + "rendition of (audio has none) answers 404; a rendition still pending or failed, or an asset whose stored "
                + "bytes do not match its declared sha256, 409.");

        group.MapPost("/duplicates", FindDuplicates)
            .WithName("Assets_FindDuplicates")
            .WithSummary("Find which files you already stored")
            .WithDescription(
                "For 1 to 100 SHA-256 digests: your own ready assets with each digest (declared, or computed by the server "
                + "after the upload), to skip uploading them again. Digests none of your assets has are left out.");

        return api;
    }

    public static async Task<Results<Ok<DownloadResponse>, ProblemHttpResult>> GetRendition(
        Guid id, string name, GetRenditionHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new GetRenditionQuery(id, name), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value.ToResponse()) : result.ToProblem();
    }

    public static async Task<Results<Ok<DuplicatesResponse>, ValidationProblem>> FindDuplicates(
        FindDuplicatesRequest request, FindDuplicatesHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await handler.HandleAsync(new FindDuplicatesQuery(request.Sha256), cancellationToken);
        return result.IsSuccess
            ? TypedResults.Ok(new DuplicatesResponse([.. result.Value.Select(d => new DuplicateResponse(d.Sha256, d.AssetIds))]))
            : result.ToValidationProblem();
    }
}
