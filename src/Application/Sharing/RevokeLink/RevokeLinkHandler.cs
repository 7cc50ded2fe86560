using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets;
using MediaVault.Application.Assets.Specifications;
using MediaVault.Application.Sharing.Specifications;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Sharing;

namespace MediaVault.Application.Sharing.RevokeLink;

public sealed record RevokeLinkCommand(Guid AssetId, Guid LinkId);

/// <summary>The owner or a manager revokes a link; it stops working with the next request.</summary>
public sealed class RevokeLinkHandler(IAccessPaths accessPaths, IReadRepository<Asset> assets, IRepository<ShareLink> links, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<Result> HandleAsync(RevokeLinkCommand command, CancellationToken cancellationToken)
    {
        var caller = currentUser.RequireId();
        var now = clock.GetUtcNow();
        var assetId = new AssetId(command.AssetId);
        if (await assets.FindVisibleAsync(new AssetForCallerSpec(assetId, caller), accessPaths, caller, now, cancellationToken) is not (var asset, var access))
        {
            return Result.NotFound();
        }

        if (!access.CanShare)
        {
            return Result.Forbidden("Only the owner or a manager revokes links.");
        }

        var link = await links.FirstOrDefaultAsync(new LiveLinkOfAssetSpec(assetId, new LinkId(command.LinkId)), cancellationToken);
        if (link is null)
        {
            return Result.NotFound();
        }

        link.Revoke(caller, access, now);
        await links.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }
}
