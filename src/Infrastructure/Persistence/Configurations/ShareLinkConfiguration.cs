using MediaVault.Domain.Assets;
using MediaVault.Domain.Sharing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediaVault.Infrastructure.Persistence.Configurations;

internal sealed class ShareLinkConfiguration : IEntityTypeConfiguration<ShareLink>
{
    public const int TokenHashMaxLength = 64;

    public void Configure(EntityTypeBuilder<ShareLink> builder)
    {
        builder.ToTable("share_links");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Ignore(l => l.DomainEvents);
        builder.Ignore(l => l.HasPassword);
        builder.Property(l => l.TokenHash).HasMaxLength(TokenHashMaxLength).IsRequired();
        builder.Property(l => l.PasswordHash).HasMaxLength(200);
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasIndex(l => new { l.AssetId, l.CreatedAt });
        builder.HasOne<Asset>().WithMany().HasForeignKey(l => l.AssetId).OnDelete(DeleteBehavior.Cascade);
    }
}
