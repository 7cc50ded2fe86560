using MediaVault.Application.Trash.ListTrash;
using MediaVault.Application.Trash.PurgeAsset;
using MediaVault.Application.Trash.RestoreAsset;
using MediaVault.WebApi.Contracts;
using MediaVault.WebApi.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaVault.WebApi.Endpoints;

/// <summary><c>/api/v1/trash</c>: your deleted assets, until they are restored or purged.</summary>
public static class TrashEndpoints
{
    public static RouteGroupBuilder MapTrashEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/trash").WithTags("Trash").RequireAuthorization();

        group.MapGet("/", List)
            .WithName("Trash_List")
            .WithSummary("List your trashed assets")
            .WithDescription(
                "Your deleted assets that are not yet purged, newest deletion first (deletedAt desc, id desc), "
                + "keyset-paginated. Each says when it was deleted and when it will be purged for good "
                + "(Assets__TrashRetentionDays after the deletion, 30 by default). A trashed asset still counts towards "
                + "your quota; nobody, you included, sees it anywhere else.");

        group.MapPost("/{id:guid}/restore", Restore)
            .WithName("Trash_Restore")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Restore a trashed asset")
            .WithDescription(
                "Owner only. The asset comes back exactly as before its deletion: its grants, links and collection "
                + "entries work again. Not yours, not in the trash, or already being purged: 404. 409 when its purge "
                + "started while the restore was decided.");

        group.MapDelete("/{id:guid}", Purge)
            .WithName("Trash_Purge")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Purge a trashed asset now")
            .WithDescription(
                "Owner only. The asset, its stored object and renditions are removed for good and its bytes go back to "
                + "your quota; it cannot be restored afterwards. Should the object store not answer, the removal is "
                + "finished in the background. Not yours or not in the trash: 404.");

        return api;
    }

    public static async Task<Results<Ok<PageResponse<TrashedAssetResponse>>, ValidationProblem>> List(
        ListTrashHandler handler, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new ListTrashQuery(limit, cursor), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value.ToResponse()) : result.ToValidationProblem();
    }

    public static async Task<Results<Ok<AssetResponse>, ProblemHttpResult>> Restore(
        Guid id, RestoreAssetHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new RestoreAssetCommand(id), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value.ToResponse()) : result.ToProblem();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Purge(
        Guid id, PurgeAssetHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new PurgeAssetCommand(id), cancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : result.ToProblem();
    }
}
