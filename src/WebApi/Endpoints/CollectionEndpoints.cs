using System.ComponentModel.DataAnnotations;
using Ardalis.Result;
using MediaVault.Application.Collections.AddCollectionAssets;
using MediaVault.Application.Collections.ChangeCollectionGrant;
using MediaVault.Application.Collections.CreateCollection;
using MediaVault.Application.Collections.CreateCollectionGrant;
using MediaVault.Application.Collections.DeleteCollection;
using MediaVault.Application.Collections.GetCollection;
using MediaVault.Application.Collections.ListCollectionActivity;
using MediaVault.Application.Collections.ListCollectionAssets;
using MediaVault.Application.Collections.ListCollectionGrants;
using MediaVault.Application.Collections.ListCollections;
using MediaVault.Application.Collections.RemoveCollectionAsset;
using MediaVault.Application.Collections.RevokeCollectionGrant;
using MediaVault.Application.Collections.UpdateCollection;
using MediaVault.WebApi.Contracts;
using MediaVault.WebApi.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaVault.WebApi.Endpoints;

/// <summary><c>/api/v1/collections</c>: albums of assets shared as one, their contents, grants and activity.</summary>
public static class CollectionEndpoints
{
    private const string Visibility =
        " 404 when the collection does not exist or you may not see it (also when your grant expired or was revoked); "
        + "403 when you may see it but your role does not allow this.";

    public static RouteGroupBuilder MapCollectionEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/collections").WithTags("Collections").RequireAuthorization();

        group.MapPost("/", Create)
            .WithName("Collections_Create")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithSummary("Create a collection")
            .WithDescription("You become its owner. name is 1–100 characters on one line; description is optional. A new collection is empty.");

        group.MapGet("/", List)
            .WithName("Collections_List")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithSummary("List the collections you may see")
            .WithDescription(
                "Newest first (createdAt desc, id desc), keyset-paginated. scope=all (default) returns the collections you own "
                + "and those shared with you through an active grant (to you or to one of your groups); owned only yours; shared "
                + "only those shared with you.");

        group.MapGet("/{id:guid}", Get)
            .WithName("Collections_Get")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Read a collection")
            .WithDescription("The owner, or anyone with an active grant on it. assetCount counts the member assets you can see." + Visibility);

        group.MapPatch("/{id:guid}", Update)
            .WithName("Collections_Update")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Rename or describe a collection")
            .WithDescription("Owner, manager or editor; a viewer gets 403. A field left out stays as it is; an empty description removes it." + Visibility);

        group.MapDelete("/{id:guid}", Delete)
            .WithName("Collections_Delete")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Delete a collection")
            .WithDescription(
                "Owner only. The assets stay where they are; the collection's grants end with it, and so does every access "
                + "inherited through it, from the next request." + Visibility);

        group.MapGet("/{id:guid}/assets", ListAssets)
            .WithName("Collections_ListAssets")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("List the assets of a collection")
            .WithDescription(
                "The member assets you may see, each with your access to it, newest first (createdAt desc, id desc), "
                + "keyset-paginated, with the filters of GET /assets. An asset that does not inherit access is listed only to "
                + "people with another path to it." + Visibility);

        group.MapPost("/{id:guid}/assets", AddAssets)
            .WithName("Collections_AddAssets")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Add assets to a collection")
            .WithDescription(
                "Owner, manager or editor of the collection; 1–100 asset ids. All or nothing: you must be able to share every "
                + "asset listed (its owner or a manager of it). An asset you cannot see is 404, one you see but cannot share 403, "
                + "a pending one 409, and then nothing is added. Assets already in the collection are listed in alreadyPresent."
                + Visibility);

        group.MapDelete("/{id:guid}/assets/{assetId:guid}", RemoveAsset)
            .WithName("Collections_RemoveAsset")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Take an asset out of a collection")
            .WithDescription("Owner, manager or editor of the collection. The asset itself stays; 404 when it is not in the collection." + Visibility);

        group.MapPost("/{id:guid}/grants", CreateGrant)
            .WithName("Collections_CreateGrant")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Share the collection with a person or a group")
            .WithDescription(
                "Owner or manager. Exactly one of granteeEmail (a verified, enabled account other than the owner; any other "
                + "address is a 400 on granteeEmail) or groupId (a group you are a member of; any other is a 400 on groupId). "
                + "409 when that person or group already holds a grant on the collection. The role holds on the collection and "
                + "on every member asset that inherits access." + Visibility);

        group.MapGet("/{id:guid}/grants", ListGrants)
            .WithName("Collections_ListGrants")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("List the collection's grants")
            .WithDescription("Owner or manager. Every grant not revoked, newest first, expired ones included with active: false." + Visibility);

        group.MapPatch("/{id:guid}/grants/{grantId:guid}", UpdateGrant)
            .WithName("Collections_UpdateGrant")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Change a grant on the collection")
            .WithDescription(
                "Owner or manager; nobody changes its own grant (403). A field left out stays; \"expiresAt\": null removes the "
                + "expiry. 404 for a grant of another collection or one already revoked." + Visibility);

        group.MapDelete("/{id:guid}/grants/{grantId:guid}", DeleteGrant)
            .WithName("Collections_DeleteGrant")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Revoke a grant on the collection, or leave")
            .WithDescription(
                "Owner or manager revoke any grant; a grantee may revoke its own (leave). Takes effect with the next request. "
                + "404 for a grant of another collection or one already revoked." + Visibility);

        group.MapGet("/{id:guid}/activity", ListActivity)
            .WithName("Collections_ListActivity")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Read the collection's activity log")
            .WithDescription(
                "Owner or manager; an editor or viewer gets 403. Newest first (at desc, id desc), keyset-paginated. Actions: "
                + "collection.created, collection.updated, collection.asset-added, collection.asset-removed, grant.created, "
                + "grant.updated, grant.revoked." + Visibility);

        return api;
    }

    public static async Task<Results<Created<CollectionResponse>, ValidationProblem>> Create(
        CreateCollectionRequest request, CreateCollectionHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await handler.HandleAsync(new CreateCollectionCommand(request.Name, request.Description), cancellationToken);
        return result.IsSuccess
            ? TypedResults.Created($"/api/v1/collections/{result.Value.Id}", result.Value.ToResponse())
            : result.ToValidationProblem();
    }

    public static async Task<Results<Ok<PageResponse<CollectionResponse>>, ValidationProblem>> List(
        ListCollectionsHandler handler,
        [AllowedValues("all", "owned", "shared")] string? scope,
        int? limit,
        string? cursor,
        CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new ListCollectionsQuery(scope, limit, cursor), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value.ToResponse()) : result.ToValidationProblem();
    }

    public static async Task<Results<Ok<CollectionResponse>, ProblemHttpResult>> Get(
        Guid id, GetCollectionHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new GetCollectionQuery(id), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value.ToResponse()) : result.ToProblem();
    }

    public static async Task<Results<Ok<CollectionResponse>, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, UpdateCollectionRequest request, UpdateCollectionHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await handler.HandleAsync(new UpdateCollectionCommand(id, request.Name, request.Description), cancellationToken);
        return result.Status switch
        {
            ResultStatus.Ok => TypedResults.Ok(result.Value.ToResponse()),
            ResultStatus.Invalid => result.ToValidationProblem(),
            _ => result.ToProblem(),
        };
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        Guid id, DeleteCollectionHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new DeleteCollectionCommand(id), cancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : result.ToProblem();
    }

    public static async Task<Results<Ok<PageResponse<AssetResponse>>, ValidationProblem, ProblemHttpResult>> ListAssets(
        Guid id,
        ListCollectionAssetsHandler handler,
        [AllowedValues("image", "video", "audio")] string? kind,
        string? tag,
        string? q,
        int? limit,
        string? cursor,
        CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new ListCollectionAssetsQuery(id, kind, tag, q, limit, cursor), cancellationToken);
        return result.Status switch
        {
            ResultStatus.Ok => TypedResults.Ok(result.Value.ToResponse()),
            ResultStatus.Invalid => result.ToValidationProblem(),
            _ => result.ToProblem(),
        };
    }

    public static async Task<Results<Ok<AddedCollectionAssetsResponse>, ValidationProblem, ProblemHttpResult>> AddAssets(
        Guid id, AddCollectionAssetsRequest request, AddCollectionAssetsHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await handler.HandleAsync(new AddCollectionAssetsCommand(id, request.AssetIds), cancellationToken);
        return result.Status switch
        {
            ResultStatus.Ok => TypedResults.Ok(result.Value.ToResponse()),
            ResultStatus.Invalid => result.ToValidationProblem(),
            _ => result.ToProblem(),
        };
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsset(
        Guid id, Guid assetId, RemoveCollectionAssetHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new RemoveCollectionAssetCommand(id, assetId), cancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : result.ToProblem();
    }

    public static async Task<Results<Created<CollectionGrantResponse>, ValidationProblem, ProblemHttpResult>> CreateGrant(
        Guid id, CreateCollectionGrantRequest request, CreateCollectionGrantHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await handler.HandleAsync(
            new CreateCollectionGrantCommand(id, request.GranteeEmail, request.GroupId, request.Role, request.ExpiresAt, request.AllowDownload), cancellationToken);
        return result.Status switch
        {
            ResultStatus.Ok => TypedResults.Created((string?)null, result.Value.ToResponse()),
            ResultStatus.Invalid => result.ToValidationProblem(),
            _ => result.ToProblem(),
        };
    }

    public static async Task<Results<Ok<ItemsResponse<CollectionGrantResponse>>, ProblemHttpResult>> ListGrants(
        Guid id, ListCollectionGrantsHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new ListCollectionGrantsQuery(id), cancellationToken);
        return result.IsSuccess
            ? TypedResults.Ok(new ItemsResponse<CollectionGrantResponse>([.. result.Value.Select(g => g.ToResponse())]))
            : result.ToProblem();
    }

    public static async Task<Results<Ok<CollectionGrantResponse>, ValidationProblem, ProblemHttpResult>> UpdateGrant(
        Guid id, Guid grantId, ChangeCollectionGrantRequest request, ChangeCollectionGrantHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await handler.HandleAsync(
            new ChangeCollectionGrantCommand(id, grantId, request.Role, request.ExpiresAt, request.ExpiresAtGiven, request.AllowDownload), cancellationToken);
        return result.Status switch
        {
            ResultStatus.Ok => TypedResults.Ok(result.Value.ToResponse()),
            ResultStatus.Invalid => result.ToValidationProblem(),
            _ => result.ToProblem(),
        };
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteGrant(
        Guid id, Guid grantId, RevokeCollectionGrantHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new RevokeCollectionGrantCommand(id, grantId), cancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : result.ToProblem();
    }

    public static async Task<Results<Ok<PageResponse<ActivityEntryResponse>>, ValidationProblem, ProblemHttpResult>> ListActivity(
        Guid id, int? limit, string? cursor, ListCollectionActivityHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new ListCollectionActivityQuery(id, limit, cursor), cancellationToken);
        return result.Status switch
        {
            ResultStatus.Ok => TypedResults.Ok(result.Value.ToResponse()),
            ResultStatus.Invalid => result.ToValidationProblem(),
            _ => result.ToProblem(),
        };
    }
}
