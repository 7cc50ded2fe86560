using MediaVault.Application.Assets.GetAsset;
using MediaVault.Application.Assets.ListAssets;
using MediaVault.WebApi.Contracts;
using MediaVault.WebApi.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaVault.WebApi.Endpoints;

/// <summary><c>/api/v1/assets</c>: images, video and audio, private to their owner unless shared.</summary>
public static class AssetEndpoints
{
    public static RouteGroupBuilder MapAssetEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/assets").WithTags("Assets").RequireAuthorization();

        group.MapGet("/", List)
            .WithName("Assets_List")
            .WithSummary("List the assets you may see")
            .WithDescription(
                "Newest first (createdAt desc, id desc), keyset-paginated. scope=all (default) returns your own assets and "
                + "ready assets shared with you through an active grant; owned only yours (pending ones too); shared only "
                + "those shared with you. q matches title, description and file name, case-insensitively.");

        group.MapGet("/{id:guid}", Get)
            .WithName("Assets_Get")
            .WithSummary("Get one asset")
            .WithDescription("404 when the asset does not exist or you may not see it: the two are indistinguishable.");

        return api;
    }

    public static async Task<Results<Ok<PageResponse<AssetResponse>>, ValidationProblem>> List(
        ListAssetsHandler handler,
        string? scope,
        string? kind,
        string? tag,
        string? q,
        int? limit,
        string? cursor,
        CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new ListAssetsQuery(scope, kind, tag, q, limit, cursor), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value.ToResponse()) : result.ToValidationProblem();
    }

    public static async Task<Results<Ok<AssetResponse>, ProblemHttpResult>> Get(
        Guid id, GetAssetHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new GetAssetQuery(id), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value.ToResponse()) : result.ToProblem();
    }
}
