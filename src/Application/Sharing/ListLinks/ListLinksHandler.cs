using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets;
using MediaVault.Application.Assets.Specifications;
using MediaVault.Application.Sharing.Specifications;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Sharing;

namespace MediaVault.Application.Sharing.ListLinks;

public sealed record ListLinksQuery(Guid AssetId);

/// <summary>
/// The links of an asset that have not been revoked, newest first, without tokens. Expired and used-up links are
/// listed with <c>active: false</c> until they are revoked.
/// </summary>
public sealed class ListLinksHandler(IAccessPaths accessPaths, IReadRepository<Asset> assets, IReadRepository<ShareLink> links, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<Result<IReadOnlyList<LinkDto>>> HandleAsync(ListLinksQuery query, CancellationToken cancellationToken)
    {
        var caller = currentUser.RequireId();
        var now = clock.GetUtcNow();
        var assetId = new AssetId(query.AssetId);
        if (await assets.FindVisibleAsync(new AssetForCallerSpec(assetId, caller), accessPaths, caller, now, cancellationToken) is not (var asset, var access))
        {
            return Result<IReadOnlyList<LinkDto>>.NotFound();
        }

        if (!access.CanShare)
        {
            return Result<IReadOnlyList<LinkDto>>.Forbidden("Only the owner or a manager sees the links.");
        }

        var rows = await links.ListAsync(new LiveLinksOfAssetSpec(assetId), cancellationToken);
        IReadOnlyList<LinkDto> items = [.. rows.Select(l => LinkDto.From(l, now))];
        return Result.Success(items);
    }
}
