using MediaVault.Domain.Activity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediaVault.Infrastructure.Persistence.Configurations;

internal sealed class ActivityEntryConfiguration : IEntityTypeConfiguration<ActivityEntry>
{
    public void Configure(EntityTypeBuilder<ActivityEntry> builder)
    {
        builder.ToTable("activity_entries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Ignore(e => e.DomainEvents);
        builder.Property(e => e.Action).HasMaxLength(ActivityEntry.ActionMaxLength).IsRequired();
        builder.Property(e => e.Details).IsRequired();
        // No foreign key to assets: the log outlives a deleted asset. Serves the activity list in keyset order.
        builder.HasIndex(e => new { e.AssetId, e.At, e.Id }).IsDescending(false, true, true);
        // A collection's activity list (GET /collections/{id}/activity), the same keyset order.
        builder.HasIndex(e => new { e.CollectionId, e.At, e.Id }).IsDescending(false, true, true);
    }
}
