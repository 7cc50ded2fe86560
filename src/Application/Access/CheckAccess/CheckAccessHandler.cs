using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Assets;
using MediaVault.Application.Common;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;

namespace MediaVault.Application.Access.CheckAccess;

public sealed record CheckAccessQuery(IReadOnlyList<Guid?>? AssetIds);

/// <summary>The caller's capabilities on one asset asked about.</summary>
public sealed record AssetAccessDto(Guid AssetId, AccessDto Access);

/// <summary>
/// The caller's capabilities on up to <see cref="MaxAssets"/> assets, in the order asked (a repeated id is answered
/// each time). An asset the caller may not see and one that does not exist get the same answer: no role, nothing
/// allowed. The same few statements whatever the number of assets (<see cref="AccessDecisions"/>).
/// </summary>
public sealed class CheckAccessHandler(AccessDecisions decisions, ICurrentUser currentUser, TimeProvider clock)
{
    public const int MaxAssets = 100;

    public async Task<Result<IReadOnlyList<AssetAccessDto>>> HandleAsync(CheckAccessQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var ids = query.AssetIds;
        var validation = new Validation()
            .When(ids is null || ids.Count is 0 or > MaxAssets, "assetIds", $"assetIds must list 1 to {MaxAssets} asset ids.")
            .When(ids is not null && ids.Any(id => id is null), "assetIds", "assetIds must not contain null.");
        if (!validation.IsValid)
        {
            return validation.ToResult<IReadOnlyList<AssetAccessDto>>();
        }

        var caller = currentUser.RequireId();
        var asked = ids!.Select(id => new AssetId(id!.Value)).ToList();
        var found = await decisions.DecideAsync(caller, asked, clock.GetUtcNow(), cancellationToken);
        IReadOnlyList<AssetAccessDto> items =
        [
            .. asked.Select(id => new AssetAccessDto(id.Value, (found.GetValueOrDefault(id)?.Capabilities ?? Capabilities.None).ToDto())),
        ];
        return Result.Success(items);
    }
}
