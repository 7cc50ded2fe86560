using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediaVault.Infrastructure.Persistence.ReadModels;

/// <summary>
/// The groups table seen with plain <see cref="Guid"/> keys, so that group queries can join the Identity user table
/// (plain Guid ids) inside SQL. Read only; mapped as a view, so migrations never create or change anything for it.
/// </summary>
internal sealed class GroupRow
{
    public Guid Id { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string? Description { get; private set; }

    public Guid OwnerId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }
}

/// <summary>The group_members table with plain keys and the role as stored, read only like <see cref="GroupRow"/>.</summary>
internal sealed class GroupMemberRow
{
    public Guid GroupId { get; private set; }

    public Guid UserId { get; private set; }

    public string Role { get; private set; } = string.Empty;

    public DateTimeOffset AddedAt { get; private set; }
}

internal sealed class GroupRowConfiguration : IEntityTypeConfiguration<GroupRow>
{
    public void Configure(EntityTypeBuilder<GroupRow> builder) => builder.HasNoKey().ToView("groups");
}

internal sealed class GroupMemberRowConfiguration : IEntityTypeConfiguration<GroupMemberRow>
{
    public void Configure(EntityTypeBuilder<GroupMemberRow> builder) => builder.HasNoKey().ToView("group_members");
}
