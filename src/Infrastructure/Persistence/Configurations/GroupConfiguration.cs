using MediaVault.Domain.Groups;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediaVault.Infrastructure.Persistence.Configurations;

internal sealed class GroupConfiguration : IEntityTypeConfiguration<Group>
{
    public void Configure(EntityTypeBuilder<Group> builder)
    {
        builder.ToTable("groups");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Ignore(g => g.DomainEvents);
        builder.Property(g => g.Name).HasMaxLength(GroupDetails.NameMaxLength).IsRequired();
        builder.Property(g => g.Description).HasMaxLength(GroupDetails.DescriptionMaxLength);

        builder.HasMany(g => g.Members).WithOne().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(g => g.Members).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class GroupMemberConfiguration : IEntityTypeConfiguration<GroupMember>
{
    public void Configure(EntityTypeBuilder<GroupMember> builder)
    {
        builder.ToTable("group_members");

        // One membership per person and group, enforced by the database too: two admins adding the same person at
        // once cannot both succeed.
        builder.HasKey(m => new { m.GroupId, m.UserId });

        // "The groups I belong to", read on every list of groups (and, later, on every access decision).
        builder.HasIndex(m => m.UserId);

        // The members of one group, latest added first (the members list's keyset order).
        builder.HasIndex(m => new { m.GroupId, m.AddedAt, m.UserId });
    }
}
