using MediaVault.Domain.Assets;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Common;

namespace MediaVault.Domain.Sharing;

/// <summary>
/// Somebody holding a link used it. Recorded on the asset it touched (<see cref="AssetId"/>) and, for a collection
/// link, on the collection too (<see cref="CollectionId"/>), so the collection's owner and managers see it;
/// <see cref="Client"/> is the holder's address truncated to /24 or /48. There is no actor: link holders are anonymous.
/// </summary>
public sealed record LinkUsed(LinkId LinkId, LinkUse Use, AssetId? AssetId, CollectionId? CollectionId, string? Client, DateTimeOffset OccurredAt) : IDomainEvent
{
    /// <summary>The link's download or upload count after this use (downloads and uploads only).</summary>
    public int? Count { get; init; }
}
