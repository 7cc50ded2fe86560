using MediaVault.Domain.Assets;
using MediaVault.Domain.Users;

namespace MediaVault.Application.Abstractions;

/// <summary>
/// What a keyset page of the assets a person sees is asked for: the arguments of
/// <see cref="Access.EffectiveAccessQuery.VisiblePage"/>, with the caller's filters as values (a provider's own SQL
/// states them too). <paramref name="Needle"/> is the search text as the filter compares it (trimmed, lower case).
/// <paramref name="Reach"/> is the person's <see cref="CallerReach"/> when it is the caller of the request (the group
/// and collection arms are left out where it says they cannot find anything), <c>null</c> otherwise.
/// </summary>
public sealed record VisiblePageRequest(
    UserId Person,
    DateTimeOffset Now,
    bool Owned,
    bool Shared,
    MediaKind? Kind,
    string? Tag,
    string? Needle,
    (DateTimeOffset CreatedAt, AssetId Id)? After,
    int Take,
    CallerReach? Reach = null)
{
    /// <summary>Whether the person may reach assets through groups (the group arm).</summary>
    public bool ThroughGroups => Reach is not { InAnyGroup: false };

    /// <summary>Whether the person may reach assets through collections (the collection arm).</summary>
    public bool ThroughCollections => Reach is not { ReachesBeyondOwnGrants: false };
}

/// <summary>
/// The database's own form of a list page, where it has a faster one than the LINQ form of
/// <see cref="Access.EffectiveAccessQuery.VisiblePage"/> and <see cref="Assets.Specifications.VisibleAssetsPageQuery.Project"/>
/// (PostgreSQL: one keyset cut per principal, the caller's strongest roles carried by the arms that found each asset,
/// ADR-076, ADR-082; a function planned once per session, ADR-083). The same rule: the property test of the access
/// model runs the lists on every provider against the single-asset evaluator.
/// </summary>
public interface IVisiblePageSource
{
    /// <summary>
    /// The page, newest first, at most <see cref="VisiblePageRequest.Take"/> rows, projected as the list shows them, in
    /// one statement; or <c>null</c> when the LINQ form is the one to send.
    /// </summary>
    Task<List<Assets.Specifications.AssetListItem>?> ListAsync(VisiblePageRequest request, CancellationToken cancellationToken);
}
