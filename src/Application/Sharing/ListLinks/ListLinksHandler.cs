using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets.Specifications;
using MediaVault.Application.Sharing.Specifications;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Sharing;

namespace MediaVault.Application.Sharing.ListLinks;

public sealed record ListLinksQuery(Guid AssetId);

/// <summary>
/// The links of an asset that have not been revoked, newest first, without tokens. Expired and used-up links are
/// listed with <c>active: false</c> until they are revoked.
/// </summary>
public sealed class ListLinksHandler(IReadRepository<Asset> assets, IReadRepository<ShareLink> links, ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<Result<IReadOnlyList<LinkDto>>> HandleAsync(ListLinksQuery query, CancellationToken cancellationToken)
    {
        var caller = currentUser.RequireId();
        var now = clock.GetUtcNow();
        var assetId = new AssetId(query.AssetId);
        var asset = await assets.FirstOrDefaultAsync(new AssetForCallerSpec(assetId, caller), cancellationToken);
        var access = asset is null ? Capabilities.None : AccessPolicy.Evaluate(asset, caller, now);
        if (asset is null || !access.CanView)
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
