using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediaVault.Infrastructure.Persistence.ReadModels;

/// <summary>
/// The owners table seen with a plain <see cref="Guid"/> key, so that queries over the Identity user table (whose ids are
/// plain Guids, while the domain's are typed) can correlate with it inside SQL. Read only; mapped as a view, so
/// migrations never create or change anything for it.
/// </summary>
internal sealed class OwnerStorageRow
{
    public Guid Id { get; private set; }

    public long StorageUsedBytes { get; private set; }
}

/// <summary>The assets table seen as plain owner ids, for counting a user's assets in SQL. Read only, like <see cref="OwnerStorageRow"/>.</summary>
internal sealed class AssetOwnerRow
{
    public Guid OwnerId { get; private set; }
}

internal sealed class OwnerStorageRowConfiguration : IEntityTypeConfiguration<OwnerStorageRow>
{
    public void Configure(EntityTypeBuilder<OwnerStorageRow> builder) => builder.HasNoKey().ToView("owners");
}

internal sealed class AssetOwnerRowConfiguration : IEntityTypeConfiguration<AssetOwnerRow>
{
    public void Configure(EntityTypeBuilder<AssetOwnerRow> builder) => builder.HasNoKey().ToView("assets");
}
