using MediaVault.Domain.Access;
using MediaVault.Domain.Common;
using MediaVault.Domain.Groups;
using MediaVault.Domain.Sharing;
using MediaVault.Domain.Users;

namespace MediaVault.Domain.Assets.Events;

/// <summary>An event in the life of one asset; the activity log records each one.</summary>
public interface IAssetEvent : IDomainEvent
{
    AssetId AssetId { get; }

    /// <summary>The person who acted; <c>null</c> when an anonymous public-link holder or the system acted.</summary>
    UserId? ActorId { get; }
}

public sealed record AssetRegistered(AssetId AssetId, UserId? ActorId, string FileName, string ContentType, long SizeBytes, DateTimeOffset OccurredAt) : IAssetEvent
{
    /// <summary>The upload link the file was dropped through; <c>null</c> when its owner registered it.</summary>
    public LinkId? LinkId { get; init; }
}

public sealed record AssetUploaded(AssetId AssetId, UserId? ActorId, long SizeBytes, DateTimeOffset OccurredAt) : IAssetEvent;

public sealed record AssetUpdated(AssetId AssetId, UserId? ActorId, IReadOnlyList<string> ChangedFields, DateTimeOffset OccurredAt) : IAssetEvent;

public sealed record AssetDownloaded(AssetId AssetId, UserId? ActorId, DateTimeOffset OccurredAt) : IAssetEvent;

public sealed record AssetDeleted(AssetId AssetId, UserId? ActorId, string StorageKey, DateTimeOffset OccurredAt) : IAssetEvent;

public sealed record UploadAbandoned(AssetId AssetId, UserId? ActorId, string StorageKey, DateTimeOffset OccurredAt) : IAssetEvent;

public sealed record GrantCreated(AssetId AssetId, UserId? ActorId, GrantId GrantId, UserId? GranteeId, GroupId? GroupId, AccessRole Role, bool AllowDownload, DateTimeOffset? ExpiresAt, DateTimeOffset OccurredAt) : IAssetEvent;

public sealed record GrantUpdated(AssetId AssetId, UserId? ActorId, GrantId GrantId, UserId? GranteeId, GroupId? GroupId, AccessRole Role, bool AllowDownload, DateTimeOffset? ExpiresAt, DateTimeOffset OccurredAt) : IAssetEvent;

public sealed record GrantRevoked(AssetId AssetId, UserId? ActorId, GrantId GrantId, UserId? GranteeId, GroupId? GroupId, DateTimeOffset OccurredAt) : IAssetEvent;

public sealed record LinkCreated(AssetId AssetId, UserId? ActorId, LinkId LinkId, DateTimeOffset? ExpiresAt, bool HasPassword, int? MaxDownloads, DateTimeOffset OccurredAt) : IAssetEvent;

public sealed record LinkRevoked(AssetId AssetId, UserId? ActorId, LinkId LinkId, DateTimeOffset OccurredAt) : IAssetEvent;

public sealed record AssetRestored(AssetId AssetId, UserId? ActorId, DateTimeOffset OccurredAt) : IAssetEvent;

public sealed record AssetPurged(AssetId AssetId, UserId? ActorId, string StorageKey, DateTimeOffset OccurredAt) : IAssetEvent;
