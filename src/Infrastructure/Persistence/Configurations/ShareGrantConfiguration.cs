using MediaVault.Domain.Access;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Groups;
using MediaVault.Domain.Sharing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediaVault.Infrastructure.Persistence.Configurations;

internal sealed class ShareGrantConfiguration : IEntityTypeConfiguration<ShareGrant>
{
    public void Configure(EntityTypeBuilder<ShareGrant> builder)
    {
        builder.ToTable("share_grants", t => t.HasCheckConstraint("CK_share_grants_one_grantee", GrantColumns.OneGrantee));
        GrantColumns.Configure(builder);

        // One live (unrevoked) grant per person, or group, and asset, enforced by the database too: two managers
        // granting the same person at once cannot both succeed.
        builder.HasIndex(g => new { g.GranteeId, g.AssetId }).IsUnique().HasFilter("\"RevokedAt\" IS NULL");
        builder.HasIndex(g => new { g.GroupId, g.AssetId }).IsUnique().HasFilter("\"RevokedAt\" IS NULL");

        // The list arms: a person's (or a group's) live grants in the asset's keyset order, so a page stops early; each
        // carries what the arm reads of the grant (its expiry, role and download right), so that walking the arm is an
        // index-only scan and the only row it visits is the asset's (PostgreSQL; SQLite ignores INCLUDE).
        builder.HasIndex(g => new { g.GranteeId, g.AssetCreatedAt, g.AssetId }, "IX_share_grants_GranteeId_keyset")
            .IsDescending(false, true, true).HasFilter("\"RevokedAt\" IS NULL")
            .IncludeProperties(g => new { g.ExpiresAt, g.Role, g.AllowDownload });
        builder.HasIndex(g => new { g.GroupId, g.AssetCreatedAt, g.AssetId }, "IX_share_grants_GroupId_keyset")
            .IsDescending(false, true, true).HasFilter("\"RevokedAt\" IS NULL")
            .IncludeProperties(g => new { g.ExpiresAt, g.Role, g.AllowDownload });
        builder.HasIndex(g => new { g.AssetId, g.CreatedAt });
    }
}

internal sealed class CollectionGrantConfiguration : IEntityTypeConfiguration<CollectionGrant>
{
    public void Configure(EntityTypeBuilder<CollectionGrant> builder)
    {
        builder.ToTable("collection_grants", t => t.HasCheckConstraint("CK_collection_grants_one_grantee", GrantColumns.OneGrantee));
        GrantColumns.Configure(builder);
        builder.HasIndex(g => new { g.GranteeId, g.CollectionId }).IsUnique().HasFilter("\"RevokedAt\" IS NULL");
        builder.HasIndex(g => new { g.GroupId, g.CollectionId }).IsUnique().HasFilter("\"RevokedAt\" IS NULL");
        builder.HasIndex(g => new { g.CollectionId, g.CreatedAt });
    }
}

/// <summary>What a grant on an asset and a grant on a collection store alike.</summary>
internal static class GrantColumns
{
    public const string OneGrantee = "(\"GranteeId\" IS NULL) <> (\"GroupId\" IS NULL)";

    public static void Configure<TGrant>(EntityTypeBuilder<TGrant> builder)
        where TGrant : Grant
    {
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Ignore(g => g.IsRevoked);
        builder.Ignore(g => g.Grantee);
        builder.Property(g => g.AllowDownload).HasDefaultValue(true).HasSentinel(true);

        // A group's grants end with the group.
        builder.HasOne<Group>().WithMany().HasForeignKey(g => g.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}
