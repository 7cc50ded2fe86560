using MediaVault.Domain.Sharing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediaVault.Infrastructure.Persistence.Configurations;

internal sealed class ShareGrantConfiguration : IEntityTypeConfiguration<ShareGrant>
{
    public void Configure(EntityTypeBuilder<ShareGrant> builder)
    {
        builder.ToTable("share_grants");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Ignore(g => g.IsRevoked);

        // One live (unrevoked) grant per person and asset, enforced by the database too: two managers granting the
        // same person at once cannot both succeed. Also serves "which assets are shared with me".
        builder.HasIndex(g => new { g.GranteeId, g.AssetId })
            .IsUnique()
            .HasFilter("\"RevokedAt\" IS NULL");
        builder.HasIndex(g => new { g.AssetId, g.CreatedAt });
    }
}
