using MediaVault.Infrastructure.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediaVault.Infrastructure.Persistence.Configurations;

/// <summary>
/// The <c>rate_limit_windows</c> table (ADR-058). Column names are snake_case and need no quoting, so the upsert in
/// <see cref="SharedRateLimiter"/> is the same text on both databases; its conflict target is the primary key.
/// </summary>
internal sealed class RateLimitWindowConfiguration : IEntityTypeConfiguration<RateLimitWindow>
{
    public void Configure(EntityTypeBuilder<RateLimitWindow> builder)
    {
        builder.ToTable("rate_limit_windows");
        builder.HasKey(w => new { w.PartitionKey, w.WindowStart });
        builder.Property(w => w.PartitionKey).HasColumnName("partition_key").HasMaxLength(RateLimitWindow.PartitionKeyMaxLength);
        builder.Property(w => w.WindowStart).HasColumnName("window_start").ValueGeneratedNever();
        builder.Property(w => w.Hits).HasColumnName("hits");
        // The sweep deletes by window alone.
        builder.HasIndex(w => w.WindowStart).HasDatabaseName("ix_rate_limit_windows_window_start");
    }
}
