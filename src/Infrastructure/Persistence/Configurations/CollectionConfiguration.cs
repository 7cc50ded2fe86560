using MediaVault.Domain.Assets;
using MediaVault.Domain.Collections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediaVault.Infrastructure.Persistence.Configurations;

internal sealed class CollectionConfiguration : IEntityTypeConfiguration<Collection>
{
    public void Configure(EntityTypeBuilder<Collection> builder)
    {
        builder.ToTable("collections");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Ignore(c => c.DomainEvents);
        builder.Property(c => c.Name).HasMaxLength(CollectionDetails.NameMaxLength).IsRequired();
        builder.Property(c => c.Description).HasMaxLength(CollectionDetails.DescriptionMaxLength);

        builder.HasMany(c => c.Entries).WithOne().HasForeignKey(e => e.CollectionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Entries).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(c => c.Grants).WithOne().HasForeignKey(g => g.CollectionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Grants).UsePropertyAccessMode(PropertyAccessMode.Field);

        // The owner's collections, newest first (scope=owned).
        builder.HasIndex(c => new { c.OwnerId, c.CreatedAt, c.Id }).IsDescending(false, true, true);
    }
}

internal sealed class CollectionEntryConfiguration : IEntityTypeConfiguration<CollectionEntry>
{
    public void Configure(EntityTypeBuilder<CollectionEntry> builder)
    {
        builder.ToTable("collection_entries");
        builder.HasKey(e => new { e.CollectionId, e.AssetId });

        // An asset's entries go with the asset.
        builder.HasOne<Asset>().WithMany().HasForeignKey(e => e.AssetId).OnDelete(DeleteBehavior.Cascade);

        // A collection's contents in the asset's keyset order: the collection arm of every list, and GET /collections/{id}/assets.
        builder.HasIndex(e => new { e.CollectionId, e.AssetCreatedAt, e.AssetId }, "IX_collection_entries_keyset").IsDescending(false, true, true);
        // The collections an asset is in: the access of one asset (single reads, batch check, explanation).
        builder.HasIndex(e => e.AssetId);
    }
}
