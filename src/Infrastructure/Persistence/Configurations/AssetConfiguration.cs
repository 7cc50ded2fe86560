using MediaVault.Domain.Assets;
using MediaVault.Domain.Assets.Media;
using MediaVault.Domain.Owners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediaVault.Infrastructure.Persistence.Configurations;

internal sealed class AssetConfiguration : IEntityTypeConfiguration<Asset>
{
    public void Configure(EntityTypeBuilder<Asset> builder)
    {
        builder.ToTable("assets");
        builder.HasKey(a => a.Id);
        builder.Ignore(a => a.DomainEvents);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Title).HasMaxLength(AssetDetails.TitleMaxLength).IsRequired();
        builder.Property(a => a.Description).HasMaxLength(AssetDetails.DescriptionMaxLength);
        builder.Property(a => a.FileName).HasMaxLength(FileName.MaxLength).IsRequired();
        builder.Property(a => a.ContentType).HasMaxLength(ContentType.MaxLength).IsRequired();
        builder.Property(a => a.Sha256).HasMaxLength(Sha256Digest.Length);
        builder.Property(a => a.StorageKey).HasMaxLength(200).IsRequired();
        // S3 upload ids run to a few hundred characters; the embedded store's are 32.
        builder.Property(a => a.MultipartUploadId).HasMaxLength(1024);
        // Every change is conditional on the status it was decided from: of two completes (or a complete and a delete)
        // of one upload, one finds the row changed and rolls back before its quota movement commits (ADR-053).
        builder.Property(a => a.Status).IsConcurrencyToken();
        // A purge saves its start on PurgeAt before it removes the objects: a restore decided before that finds the row
        // changed and fails, so no asset comes back without its bytes (ADR-075).
        builder.Property(a => a.PurgeAt).IsConcurrencyToken();
        builder.Ignore(a => a.IsTrashed);

        // Rows written before media processing existed are unverified; a default keeps the migration honest about them.
        builder.Property(a => a.Integrity).HasDefaultValue(AssetIntegrity.Unverified).HasSentinel(AssetIntegrity.Unverified);
        builder.Property(a => a.MediaCodec).HasMaxLength(MediaInfo.CodecMaxLength);
        builder.Ignore(a => a.Media);
        builder.Ignore(a => a.AccessFacts);
        builder.Property(a => a.InheritsAccess).HasDefaultValue(true).HasSentinel(true);

        // A dropped asset remembers the upload link it came through (history: no foreign key, the link may go), and the
        // hash of its secret upload id, looked up on completion and naming its staging key (ADR-078).
        builder.Property(a => a.DropUploadHash).HasMaxLength(64);
        builder.HasIndex(a => a.DropUploadHash).IsUnique();

        builder.HasOne<Owner>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Restrict);

        builder.OwnsMany(a => a.Tags, tags =>
        {
            tags.ToTable("asset_tags");
            tags.WithOwner().HasForeignKey("AssetId");
            tags.Property<int>("Id");
            tags.HasKey("Id");
            tags.Property(t => t.Value).HasColumnName("Tag").HasMaxLength(Tag.MaxLength).IsRequired();
            // Serves ?tag= (find the assets carrying a tag) and keeps a tag once per asset.
            tags.HasIndex("Value", "AssetId").IsUnique();
            // Serves the tags of a listed asset, in the order they were given, from the index alone on PostgreSQL
            // (ADR-083); it is also the index of the foreign key.
            tags.HasIndex("AssetId", "Id").IncludeProperties("Value");
        });
        builder.Navigation(a => a.Tags).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(a => a.Renditions, renditions =>
        {
            renditions.ToTable("asset_renditions");
            renditions.WithOwner().HasForeignKey("AssetId");
            renditions.HasKey("AssetId", nameof(Rendition.Name));
            renditions.Property(r => r.Name).HasMaxLength(Rendition.NameMaxLength).IsRequired();
            renditions.Property(r => r.ContentType).HasMaxLength(Rendition.ContentTypeMaxLength);
            // Serves the renditions of a listed asset from the index alone on PostgreSQL (ADR-083).
            renditions.HasIndex("AssetId").IncludeProperties(
                nameof(Rendition.Name), nameof(Rendition.Status), nameof(Rendition.ContentType), nameof(Rendition.Width), nameof(Rendition.Height));
        });
        builder.Navigation(a => a.Renditions).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.HasMany(a => a.Grants).WithOne().HasForeignKey(g => g.AssetId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Grants).UsePropertyAccessMode(PropertyAccessMode.Field);

        // Serves the owner's part of every list (scope=owned and the first arm of scope=all) in keyset order.
        builder.HasIndex(a => new { a.OwnerId, a.CreatedAt, a.Id }).IsDescending(false, true, true);
        // Serves keyset pages over all assets (the shared arm joins grants into this order).
        builder.HasIndex(a => new { a.CreatedAt, a.Id }).IsDescending(true, true);
        // Serves POST /assets/duplicates: an owner's assets with a digest.
        builder.HasIndex(a => new { a.OwnerId, a.Sha256 });
        // Serves the sweeper: pending uploads whose window has passed.
        builder.HasIndex(a => new { a.Status, a.UploadExpiresAt });
        // Serves GET /trash: an owner's trashed assets, newest deletion first.
        builder.HasIndex(a => new { a.OwnerId, a.DeletedAt, a.Id }).IsDescending(false, true, true);
        // Serves the sweeper's check for trashed assets whose purge is due.
        builder.HasIndex(a => a.PurgeAt);
    }
}
