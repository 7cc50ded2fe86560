using System.ComponentModel.DataAnnotations;
using Ardalis.Result;
using MediaVault.Application.Assets;
using MediaVault.Application.Assets.CompleteUpload;
using MediaVault.Application.Assets.DeleteAsset;
using MediaVault.Application.Assets.DownloadAsset;
using MediaVault.Application.Assets.GetAsset;
using MediaVault.Application.Assets.ListAssets;
using MediaVault.Application.Assets.RegisterAsset;
using MediaVault.Application.Assets.UpdateAsset;
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
            .RidesAccountCheck()
            .WithSummary("List the assets you may see")
            .WithDescription(
                "Newest first (createdAt desc, id desc), keyset-paginated. scope=all (default) returns your own assets and "
                + "ready assets shared with you through an active grant; owned only yours (pending ones too); shared only "
                + "those shared with you. q matches title, description and file name, case-insensitively.");

        group.MapPost("/", Create)
            .WithName("Assets_Create")
            .RidesAccountCheck()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Register an upload")
            .WithDescription(
                "Registers a pending asset, reserves sizeBytes on your quota and answers where to upload the bytes: one "
                + "presigned PUT (upload.method PUT: send exactly upload.headers, no Authorization), or above the multipart "
                + "threshold a MULTIPART upload (PUT each part to its URL, keep each ETag response header). Then call "
                + "POST /assets/{id}/complete. Only image/*, video/* and audio/* are accepted; over the maximum size 400; over "
                + "your quota 409 with a problem type ending in quota-exceeded. An upload never completed is purged some "
                + "time after upload.expiresAt.");

        group.MapGet("/{id:guid}", Get)
            .WithName("Assets_Get")
            .RidesAccountCheck()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Get one asset")
            .WithDescription("404 when the asset does not exist or you may not see it: the two are indistinguishable.");

        group.MapPost("/{id:guid}/complete", Complete)
            .WithName("Assets_CompleteUpload")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Complete an upload")
            .WithDescription(
                "Owner only. Checks the stored object (for a multipart upload, assembles the parts first: parts with every "
                + "partNumber and its ETag are then required) and marks the asset ready when it has the declared size and "
                + "content type; otherwise 409 and the asset stays pending (upload again and retry). Completing a ready asset "
                + "answers it again. A grantee gets 403, anybody else 404.");

        group.MapPatch("/{id:guid}", Update)
            .WithName("Assets_Update")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Change title, description, tags or whether collection access reaches the asset")
            .WithDescription(
                "Owner, manager or editor; a viewer gets 403. inheritsAccess is the owner's alone: anyone else naming it gets "
                + "403 and nothing changes. Fields left out or null stay as they are.");

        group.MapDelete("/{id:guid}", Delete)
            .WithName("Assets_Delete")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Delete an asset (move it to the trash)")
            .WithDescription(
                "Owner only; any grantee gets 403. A ready asset moves to your trash: at once nobody, you included, sees "
                + "it (404), lists drop it, and its grants, links and collection entries stop working until you restore it "
                + "(POST /trash/{id}/restore). It still counts towards your quota until it is purged, "
                + "Assets__TrashRetentionDays (30) after the deletion or on request (DELETE /trash/{id}). A pending upload "
                + "is removed at once, with its reservation.");

        group.MapGet("/{id:guid}/download", Download)
            .WithName("Assets_Download")
            .RidesAccountCheck()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Get a download URL")
            .WithDescription(
                "Owner or active grantee: a presigned GET valid for a short time (never longer than the grant that allows "
                + "it). disposition=attachment (default) or inline sets the Content-Disposition the store answers with. "
                + "A pending asset answers 409 to its owner. A view-only grantee (no path that allows download) gets 403: "
                + "it still sees the asset and its renditions. Each call is recorded as asset.downloaded.");

        return api;
    }

    public static async Task<Results<Ok<PageResponse<AssetResponse>>, ValidationProblem>> List(
        ListAssetsHandler handler,
        [AllowedValues("all", "owned", "shared")] string? scope,
        [AllowedValues("image", "video", "audio")] string? kind,
        string? tag,
        string? q,
        int? limit,
        string? cursor,
        CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new ListAssetsQuery(scope, kind, tag, q, limit, cursor), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value.ToResponse()) : result.ToValidationProblem();
    }

    public static async Task<Results<Created<CreateAssetResponse>, ValidationProblem, ProblemHttpResult>> Create(
        CreateAssetRequest request, RegisterAssetHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var command = new RegisterAssetCommand(
            request.FileName, request.ContentType, request.SizeBytes, request.Sha256, request.Title, request.Description, request.Tags);
        var result = await handler.HandleAsync(command, cancellationToken);
        if (result.IsSuccess)
        {
            return TypedResults.Created($"/api/v1/assets/{result.Value.Asset.Id}", result.Value.ToResponse());
        }

        if (result.Status == ResultStatus.Conflict && result.Errors.Contains(AssetErrors.QuotaExceeded))
        {
            return Problems.Conflict(AssetErrors.QuotaExceeded, ProblemTypes.QuotaExceeded);
        }

        return result.Status == ResultStatus.Invalid ? result.ToValidationProblem() : result.ToProblem();
    }

    public static async Task<Results<Ok<AssetResponse>, ProblemHttpResult>> Get(
        Guid id, GetAssetHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new GetAssetQuery(id), cancellationToken);
        return result.IsSuccess ? TypedResults.Ok(result.Value.ToResponse()) : result.ToProblem();
    }

    public static async Task<Results<Ok<AssetResponse>, ValidationProblem, ProblemHttpResult>> Complete(
        Guid id, CompleteUploadRequest? request, CompleteUploadHandler handler, CancellationToken cancellationToken)
    {
        var command = new CompleteUploadCommand(id, request?.Parts?.Select(p => new CompletedPartInput(p?.PartNumber, p?.Etag)).ToList());
        var result = await handler.HandleAsync(command, cancellationToken);
        return ToAssetResult(result);
    }

    public static async Task<Results<Ok<AssetResponse>, ValidationProblem, ProblemHttpResult>> Update(
        Guid id, UpdateAssetRequest request, UpdateAssetHandler handler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await handler.HandleAsync(new UpdateAssetCommand(id, request.Title, request.Description, request.Tags, request.InheritsAccess), cancellationToken);
        return ToAssetResult(result);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        Guid id, DeleteAssetHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new DeleteAssetCommand(id), cancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : result.ToProblem();
    }

    public static async Task<Results<Ok<DownloadResponse>, ValidationProblem, ProblemHttpResult>> Download(
        Guid id, [AllowedValues("attachment", "inline")] string? disposition, DownloadAssetHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new DownloadAssetQuery(id, disposition), cancellationToken);
        if (result.IsSuccess)
        {
            return TypedResults.Ok(result.Value.ToResponse());
        }

        return result.Status == ResultStatus.Invalid ? result.ToValidationProblem() : result.ToProblem();
    }

    private static Results<Ok<AssetResponse>, ValidationProblem, ProblemHttpResult> ToAssetResult(Result<AssetDto> result)
    {
        if (result.IsSuccess)
        {
            return TypedResults.Ok(result.Value.ToResponse());
        }

        return result.Status == ResultStatus.Invalid ? result.ToValidationProblem() : result.ToProblem();
    }
}
