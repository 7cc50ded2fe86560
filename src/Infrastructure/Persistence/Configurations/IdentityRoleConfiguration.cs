using MediaVault.Application.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediaVault.Infrastructure.Persistence.Configurations;

/// <summary>The roles exist from the first migration on, so granting one never has to create it (and race doing so).</summary>
internal sealed class IdentityRoleConfiguration : IEntityTypeConfiguration<IdentityRole<Guid>>
{
    public static readonly Guid AdminRoleId = new("019ad2c0-0000-7000-8000-00000000ad01");

    public void Configure(EntityTypeBuilder<IdentityRole<Guid>> builder) =>
        builder.HasData(new IdentityRole<Guid>
        {
            Id = AdminRoleId,
            Name = IdentityRoles.Admin,
            NormalizedName = IdentityRoles.Admin.ToUpperInvariant(),
            ConcurrencyStamp = "9a3c1f0e-admin-role",
        });
}
