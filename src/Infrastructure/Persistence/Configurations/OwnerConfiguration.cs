using MediaVault.Domain.Owners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediaVault.Infrastructure.Persistence.Configurations;

internal sealed class OwnerConfiguration : IEntityTypeConfiguration<Owner>
{
    public void Configure(EntityTypeBuilder<Owner> builder)
    {
        builder.ToTable("owners");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Ignore(o => o.DomainEvents);
        builder.Ignore(o => o.StorageAvailableBytes);
        // Only the storage ledger writes the counters, with conditional UPDATEs (ADR-053): a saved owner never
        // overwrites what concurrent requests counted meanwhile.
        builder.Property(o => o.StorageUsedBytes).Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
        builder.Property(o => o.StorageReservedBytes).Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
    }
}
