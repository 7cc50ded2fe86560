using MediaVault.Application.Abstractions;
using MediaVault.Application.Common;
using MediaVault.Application.Groups;
using MediaVault.Domain.Groups;
using MediaVault.Domain.Users;
using MediaVault.Infrastructure.Persistence.ReadModels;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Infrastructure.Persistence;

/// <summary>
/// Groups as their members see them. Every query starts from the caller's membership row, so a group is found only
/// by one of its members (the access rule lives in the SQL); each is one statement served by the membership indexes.
/// </summary>
internal sealed class GroupQueries(MediaVaultDbContext db) : IGroupQueries
{
    public async Task<GroupDto?> FindForMemberAsync(GroupId id, UserId member, CancellationToken cancellationToken)
    {
        var rows = await GroupsOf(member.Value).Where(r => r.Id == id.Value).Take(1).ToListAsync(cancellationToken);
        return rows.Select(ToDto).FirstOrDefault();
    }

    public async Task<IReadOnlyList<GroupDto>> ListForMemberAsync(UserId member, KeysetCursor? after, int limit, CancellationToken cancellationToken)
    {
        var query = GroupsOf(member.Value);
        if (after is { } cursor)
        {
            var (createdAt, id) = (cursor.CreatedAt, cursor.Id);
            query = query.Where(r => r.CreatedAt < createdAt || (r.CreatedAt == createdAt && r.Id.CompareTo(id) < 0));
        }

        var rows = await query.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(limit + 1).ToListAsync(cancellationToken);
        return [.. rows.Select(ToDto)];
    }

    public Task<string?> NameIfMemberAsync(GroupId id, UserId member, CancellationToken cancellationToken) =>
        db.Set<GroupMember>().AsNoTracking()
            .Where(m => m.GroupId == id && m.UserId == member)
            .Join(db.Set<Group>(), m => m.GroupId, g => g.Id, (m, g) => g.Name)
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlySet<GroupId>> GroupsOfAsync(UserId person, CancellationToken cancellationToken) =>
        (await db.Set<GroupMember>().AsNoTracking().Where(m => m.UserId == person).Select(m => m.GroupId).ToListAsync(cancellationToken)).ToHashSet();

    public async Task<IReadOnlyDictionary<GroupId, string>> NamesAsync(IReadOnlyCollection<GroupId> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<GroupId, string>();
        }

        var list = ids.Distinct().ToList();
        return await db.Set<Group>().AsNoTracking().Where(g => list.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);
    }

    public async Task<IReadOnlyList<GroupMemberDto>> ListMembersAsync(GroupId id, KeysetCursor? after, int limit, CancellationToken cancellationToken)
    {
        var groupId = id.Value;
        var members = db.Set<GroupMemberRow>().Where(m => m.GroupId == groupId);
        if (after is { } cursor)
        {
            var (addedAt, userId) = (cursor.CreatedAt, cursor.Id);
            members = members.Where(m => m.AddedAt < addedAt || (m.AddedAt == addedAt && m.UserId.CompareTo(userId) < 0));
        }

        var rows = await members
            .OrderByDescending(m => m.AddedAt).ThenByDescending(m => m.UserId)
            .Take(limit + 1)
            .Select(m => new
            {
                m.UserId,
                m.Role,
                m.AddedAt,
                Person = db.Users.Where(u => u.Id == m.UserId).Select(u => new { u.Email, u.DisplayName }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new GroupMemberDto(r.UserId, r.Person?.Email, r.Person?.DisplayName, ParseRole(r.Role), r.AddedAt))];
    }

    private IQueryable<GroupListRow> GroupsOf(Guid member) =>
        from m in db.Set<GroupMemberRow>()
        where m.UserId == member
        join g in db.Set<GroupRow>() on m.GroupId equals g.Id
        select new GroupListRow
        {
            Id = g.Id,
            Name = g.Name,
            Description = g.Description,
            OwnerId = g.OwnerId,
            MemberCount = db.Set<GroupMemberRow>().Count(x => x.GroupId == g.Id),
            MyRole = m.Role,
            CreatedAt = g.CreatedAt,
            UpdatedAt = g.UpdatedAt,
        };

    private static GroupDto ToDto(GroupListRow r) =>
        new(r.Id, r.Name, r.Description, r.OwnerId, r.MemberCount, ParseRole(r.MyRole), r.CreatedAt, r.UpdatedAt);

    private static GroupRole ParseRole(string role) => Enum.Parse<GroupRole>(role, ignoreCase: true);

    private sealed class GroupListRow
    {
        public Guid Id { get; init; }

        public string Name { get; init; } = string.Empty;

        public string? Description { get; init; }

        public Guid OwnerId { get; init; }

        public int MemberCount { get; init; }

        public string MyRole { get; init; } = string.Empty;

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }
    }
}
