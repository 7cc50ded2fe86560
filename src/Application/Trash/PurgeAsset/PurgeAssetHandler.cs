using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets;
using MediaVault.Application.Trash.PurgeTrashedAsset;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Assets.Rules;
using MediaVault.Domain.Common;
using Microsoft.Extensions.Logging;

namespace MediaVault.Application.Trash.PurgeAsset;

public sealed record PurgeAssetCommand(Guid AssetId);

/// <summary>
/// The owner purges a trashed asset now. The request is committed first, with a durable <c>asset.purge</c> job that
/// runs a little later: from then on the asset is gone for its owner (not listed, not restorable). The purge itself
/// then runs at once; if the store fails or the process dies, the job finishes it. Another person's asset, or one not
/// in the trash: 404.
/// </summary>
public sealed partial class PurgeAssetHandler(
    IRepository<Asset> assets,
    IJobQueue jobs,
    PurgeTrashedAssetHandler purge,
    ICurrentUser currentUser,
    TimeProvider clock,
    AssetSettings settings,
    ILogger<PurgeAssetHandler> logger)
{
    public async Task<Result> HandleAsync(PurgeAssetCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var caller = currentUser.RequireId();
        var now = clock.GetUtcNow();
        var asset = await assets.FirstOrDefaultAsync(new TrashedAssetOfOwnerSpec(new AssetId(command.AssetId), caller), cancellationToken);
        if (asset is null)
        {
            return Result.NotFound();
        }

        try
        {
            asset.RequestPurge(caller, now);
        }
        catch (BusinessRuleViolationException e) when (e.BrokenRule is AssetMustBeRestorable or OnlyOwnerManagesTrash)
        {
            return Result.NotFound();
        }

        jobs.Enqueue(TrashJobs.Purge(asset, caller, now + settings.PurgeRetryDelay));
        await assets.SaveChangesAsync(cancellationToken);

        try
        {
            // Not the request's token: a client hanging up must not stop a purge half way (the job would finish it).
            await purge.HandleAsync(new PurgeTrashedAssetCommand(command.AssetId, caller.Value), CancellationToken.None);
        }
#pragma warning disable CA1031 // Whatever stopped the purge, the job committed above retries it; the request stands.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogDeferred(logger, e, command.AssetId);
        }

        return Result.Success();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging asset {AssetId} failed; its asset.purge job retries it")]
    private static partial void LogDeferred(ILogger logger, Exception exception, Guid assetId);
}
