using MediaVault.Domain.Assets;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Sharing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediaVault.Infrastructure.Persistence.Configurations;

internal sealed class ShareLinkConfiguration : IEntityTypeConfiguration<ShareLink>
{
    public const int TokenHashMaxLength = 64;

    public void Configure(EntityTypeBuilder<ShareLink> builder)
    {
        // A link opens one asset or one collection, never both.
        builder.ToTable("share_links", t => t.HasCheckConstraint("CK_share_links_one_target", "(\"AssetId\" IS NULL) <> (\"CollectionId\" IS NULL)"));
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Ignore(l => l.DomainEvents);
        builder.Ignore(l => l.HasPassword);
        builder.Property(l => l.TokenHash).HasMaxLength(TokenHashMaxLength).IsRequired();
        builder.Property(l => l.PasswordHash).HasMaxLength(200);
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasIndex(l => new { l.AssetId, l.CreatedAt });
        builder.HasIndex(l => new { l.CollectionId, l.CreatedAt });
        builder.Property(l => l.AllowDownload).HasDefaultValue(true).HasSentinel(true);
        builder.HasOne<Asset>().WithMany().HasForeignKey(l => l.AssetId).OnDelete(DeleteBehavior.Cascade);
        // A collection's links end with the collection.
        builder.HasOne<Collection>().WithMany().HasForeignKey(l => l.CollectionId).OnDelete(DeleteBehavior.Cascade);
    }
}
