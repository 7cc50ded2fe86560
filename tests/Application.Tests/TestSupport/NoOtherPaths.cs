using MediaVault.Application.Abstractions;
using MediaVault.Application.Common;
using MediaVault.Application.Groups;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Groups;
using MediaVault.Domain.Users;

namespace MediaVault.Application.Tests.TestSupport;

/// <summary>
/// The access-path port for tests whose people hold no group or collection grant: every asset has no path outside its
/// own grants (those come with the asset, as in production).
/// </summary>
public sealed class NoOtherPaths : IAccessPaths
{
    public static readonly NoOtherPaths Instance = new();

    public Task<ILookup<AssetId, AccessPath>> ActivePathsAsync(
        UserId person, IReadOnlyCollection<AssetId> assets, bool includePersonalGrants, DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult(Array.Empty<AccessPath>().ToLookup(_ => default(AssetId)));
}

/// <summary>Group lookups for tests whose grants are to people only: no group is anybody's.</summary>
public sealed class NoGroups : IGroupQueries
{
    public static readonly NoGroups Instance = new();

    public Task<GroupDto?> FindForMemberAsync(GroupId id, UserId member, CancellationToken cancellationToken) => Task.FromResult<GroupDto?>(null);

    public Task<IReadOnlyList<GroupDto>> ListForMemberAsync(UserId member, KeysetCursor? after, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<GroupDto>>([]);

    public Task<IReadOnlySet<GroupId>> GroupsOfAsync(UserId person, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<GroupId>>(new HashSet<GroupId>());

    public Task<string?> NameIfMemberAsync(GroupId id, UserId member, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public Task<IReadOnlyDictionary<GroupId, string>> NamesAsync(IReadOnlyCollection<GroupId> ids, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<GroupId, string>>(new Dictionary<GroupId, string>());

    public Task<IReadOnlyList<GroupMemberDto>> ListMembersAsync(GroupId id, KeysetCursor? after, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<GroupMemberDto>>([]);
}
