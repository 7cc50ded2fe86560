using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Common;
using MediaVault.Domain.Groups;
using MediaVault.Domain.Sharing;
using MediaVault.Domain.Users;

namespace MediaVault.Domain.Collections.Events;

/// <summary>An event in the life of one collection; the collection's activity records each one.</summary>
public interface ICollectionEvent : IDomainEvent
{
    CollectionId CollectionId { get; }

    UserId? ActorId { get; }
}

public sealed record CollectionCreated(CollectionId CollectionId, UserId? ActorId, string Name, DateTimeOffset OccurredAt) : ICollectionEvent;

public sealed record CollectionUpdated(CollectionId CollectionId, UserId? ActorId, IReadOnlyList<string> ChangedFields, DateTimeOffset OccurredAt) : ICollectionEvent;

public sealed record CollectionDeleted(CollectionId CollectionId, UserId? ActorId, DateTimeOffset OccurredAt) : ICollectionEvent;

public sealed record CollectionAssetAdded(CollectionId CollectionId, UserId? ActorId, AssetId AssetId, DateTimeOffset OccurredAt) : ICollectionEvent;

public sealed record CollectionAssetRemoved(CollectionId CollectionId, UserId? ActorId, AssetId AssetId, DateTimeOffset OccurredAt) : ICollectionEvent;

public sealed record CollectionGrantCreated(CollectionId CollectionId, UserId? ActorId, GrantId GrantId, UserId? GranteeId, GroupId? GroupId, AccessRole Role, bool AllowDownload, DateTimeOffset? ExpiresAt, DateTimeOffset OccurredAt) : ICollectionEvent;

public sealed record CollectionGrantUpdated(CollectionId CollectionId, UserId? ActorId, GrantId GrantId, UserId? GranteeId, GroupId? GroupId, AccessRole Role, bool AllowDownload, DateTimeOffset? ExpiresAt, DateTimeOffset OccurredAt) : ICollectionEvent;

public sealed record CollectionGrantRevoked(CollectionId CollectionId, UserId? ActorId, GrantId GrantId, UserId? GranteeId, GroupId? GroupId, DateTimeOffset OccurredAt) : ICollectionEvent;

public sealed record CollectionLinkCreated(
    CollectionId CollectionId,
    UserId? ActorId,
    LinkId LinkId,
    LinkKind Kind,
    DateTimeOffset? ExpiresAt,
    bool HasPassword,
    int? MaxDownloads,
    int? MaxUploads,
    bool AllowDownload,
    DateTimeOffset OccurredAt) : ICollectionEvent;

public sealed record CollectionLinkRevoked(CollectionId CollectionId, UserId? ActorId, LinkId LinkId, DateTimeOffset OccurredAt) : ICollectionEvent;
