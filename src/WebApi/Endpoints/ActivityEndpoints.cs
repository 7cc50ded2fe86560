using MediaVault.Application.Activity.ListActivity;
using MediaVault.WebApi.Contracts;
using MediaVault.WebApi.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaVault.WebApi.Endpoints;

/// <summary><c>/api/v1/assets/{id}/activity</c>: what happened to an asset, who did it and when.</summary>
public static class ActivityEndpoints
{
    public static RouteGroupBuilder MapActivityEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/assets/{id:guid}/activity", List)
            .WithTags("Activity")
            .RequireAuthorization()
            .WithName("Activity_List")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Read the asset's activity log")
            .WithDescription(
                "Owner or manager. Newest first (at desc, id desc), keyset-paginated. Actions: asset.created, asset.uploaded, "
                + "asset.updated, asset.downloaded, asset.deleted, asset.purged, grant.created, grant.updated, grant.revoked, "
                + "link.created, link.revoked, link.downloaded; actorId is null for a download through a public link. "
                + "404 when you may not see the asset, 403 for an editor or viewer.");
        return api;
    }

    public static async Task<Results<Ok<PageResponse<ActivityEntryResponse>>, ValidationProblem, ProblemHttpResult>> List(
        Guid id, int? limit, string? cursor, ListActivityHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new ListActivityQuery(id, limit, cursor), cancellationToken);
        return result.Status switch
        {
            Ardalis.Result.ResultStatus.Ok => TypedResults.Ok(result.Value.ToResponse()),
            Ardalis.Result.ResultStatus.Invalid => result.ToValidationProblem(),
            _ => result.ToProblem(),
        };
    }
}
