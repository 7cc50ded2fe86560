using MediaVault.Domain.Owners;
using Microsoft.EntityFrameworkCore;
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
        // Quota checks race: the version makes the loser of two concurrent reservations fail instead of overspending.
        builder.Property(o => o.Version).IsConcurrencyToken();
    }
}
