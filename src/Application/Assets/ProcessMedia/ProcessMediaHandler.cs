using System.Text.Json;
using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets.Specifications;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Assets.Media;
using Microsoft.Extensions.Logging;

namespace MediaVault.Application.Assets.ProcessMedia;

/// <summary>The background job that processes an asset's stored bytes once its upload completed.</summary>
public static class MediaJobs
{
    /// <summary>The job kind, as stored in the queue.</summary>
    public const string ProcessKind = "media.process";

    /// <summary>The job for <paramref name="assetId"/>; its dedupe key is the asset id, so it waits in the queue once.</summary>
    public static JobRequest Process(AssetId assetId) =>
        new(ProcessKind, JsonSerializer.Serialize(new ProcessMediaCommand(assetId.Value)), DedupeKey: assetId.Value.ToString());

    /// <summary>The command a job's payload carries, or <c>null</c> when the payload is not one.</summary>
    public static ProcessMediaCommand? Parse(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<ProcessMediaCommand>(payload) is { AssetId: var id } command && id != Guid.Empty ? command : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

public sealed record ProcessMediaCommand(Guid AssetId);

/// <summary>
/// Processes one ready asset: its bytes are hashed (integrity), probed (media) and turned into renditions, and the
/// outcome is recorded on the asset. Idempotent: running it again recomputes the same facts and overwrites the same
/// rendition objects. An asset deleted meanwhile is not an error: the renditions written for it are removed.
/// Returns why renditions could not be made, or <c>null</c>.
/// </summary>
public sealed partial class ProcessMediaHandler(
    IRepository<Asset> assets,
    IMediaProcessor processor,
    IObjectStorage storage,
    TimeProvider clock,
    ILogger<ProcessMediaHandler> logger)
{
    public async Task<Result<string?>> HandleAsync(ProcessMediaCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var id = new AssetId(command.AssetId);
        var asset = await assets.FirstOrDefaultAsync(new AssetToProcessSpec(id), cancellationToken);
        if (asset is null || asset.Status != AssetStatus.Ready)
        {
            await RemoveRenditionsAsync(id);
            return Result<string?>.NotFound();
        }

        var targets = asset.Renditions
            .Select(r => new RenditionTarget(r.Name, Rendition.StorageKeyFor(asset.Id, r.Name), Rendition.MaxSideOf(r.Name)))
            .ToList();
        var outcome = await processor.ProcessAsync(
            new MediaSource(asset.StorageKey, asset.ContentType, asset.Kind, asset.SizeBytes, targets), cancellationToken);

        var now = clock.GetUtcNow();
        if (outcome.Digest is { } digest)
        {
            asset.RecordIntegrity(digest, now);
        }

        if (outcome.Media is { IsEmpty: false } media)
        {
            asset.RecordMedia(media, now);
        }

        foreach (var target in targets)
        {
            if (outcome.Renditions.FirstOrDefault(r => r.Name == target.Name) is { } made)
            {
                asset.RecordRenditionReady(made.Name, made.ContentType, made.Width, made.Height, now);
            }
            else
            {
                asset.RecordRenditionFailed(target.Name, now);
            }
        }

        await assets.UpdateAsync(asset, cancellationToken);
        if (outcome.Failure is { } failure)
        {
            LogUnreadable(asset.Id.Value, failure);
        }

        return Result.Success(outcome.Failure);
    }

    private Task RemoveRenditionsAsync(AssetId id) =>
        StoredObjects.RemoveAsync(storage, [.. Rendition.Names.Select(name => Rendition.StorageKeyFor(id, name))], multipartUploadId: null, logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renditions of asset {AssetId} could not be made: {Reason}")]
    private partial void LogUnreadable(Guid assetId, string reason);
}
