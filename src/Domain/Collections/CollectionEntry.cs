using MediaVault.Domain.Assets;
using MediaVault.Domain.Users;

namespace MediaVault.Domain.Collections;

/// <summary>One asset in one collection. Lives inside the <see cref="Collection"/> aggregate; created only by it.</summary>
public sealed class CollectionEntry
{
    private CollectionEntry()
    {
    }

    public CollectionId CollectionId { get; private set; }

    public AssetId AssetId { get; private set; }

    /// <summary>The asset's creation instant, copied (it never changes): the contents are listed in the asset's keyset order.</summary>
    public DateTimeOffset AssetCreatedAt { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    public UserId AddedBy { get; private set; }

    internal static CollectionEntry Create(CollectionId collectionId, AssetId assetId, DateTimeOffset assetCreatedAt, UserId addedBy, DateTimeOffset now) =>
        new() { CollectionId = collectionId, AssetId = assetId, AssetCreatedAt = assetCreatedAt, AddedAt = now, AddedBy = addedBy };
}
