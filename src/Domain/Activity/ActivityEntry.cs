using MediaVault.Domain.Assets;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Common;
using MediaVault.Domain.Users;

namespace MediaVault.Domain.Activity;

public readonly record struct ActivityEntryId(Guid Value) : IComparable<ActivityEntryId>
{
    public static bool operator <(ActivityEntryId left, ActivityEntryId right) => left.CompareTo(right) < 0;

    public static bool operator >(ActivityEntryId left, ActivityEntryId right) => left.CompareTo(right) > 0;

    public static bool operator <=(ActivityEntryId left, ActivityEntryId right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ActivityEntryId left, ActivityEntryId right) => left.CompareTo(right) >= 0;

    public int CompareTo(ActivityEntryId other) => Value.CompareTo(other.Value);

    public static ActivityEntryId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

/// <summary>
/// One line of an asset's activity log: who did what, when. Append-only; written in the same transaction as the change
/// it records. It outlives the asset, so that a deletion stays on record.
/// </summary>
public sealed class ActivityEntry : AggregateRoot<ActivityEntryId>
{
    public const int ActionMaxLength = 64;

    private ActivityEntry()
    {
    }

    /// <summary>The asset the line is about, or <c>null</c> for a line about a collection.</summary>
    public AssetId? AssetId { get; private set; }

    /// <summary>The collection the line is about, or <c>null</c> for a line about an asset.</summary>
    public CollectionId? CollectionId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public UserId? ActorId { get; private set; }

    /// <summary>A dotted name such as <c>asset.created</c> or <c>grant.revoked</c>.</summary>
    public string Action { get; private set; } = string.Empty;

    /// <summary>Facts about the action as a JSON object.</summary>
    public string Details { get; private set; } = "{}";

    public static ActivityEntry Record(AssetId assetId, UserId? actorId, string action, string details, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        return new ActivityEntry
        {
            Id = ActivityEntryId.New(),
            AssetId = assetId,
            ActorId = actorId,
            Action = action,
            Details = details,
            At = at,
        };
    }

    public static ActivityEntry RecordForCollection(CollectionId collectionId, UserId? actorId, string action, string details, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        return new ActivityEntry
        {
            Id = ActivityEntryId.New(),
            CollectionId = collectionId,
            ActorId = actorId,
            Action = action,
            Details = details,
            At = at,
        };
    }

    /// <summary>A line about an asset that happened through one of a collection's links: both activity lists show it.</summary>
    public static ActivityEntry RecordForAssetInCollection(AssetId assetId, CollectionId collectionId, UserId? actorId, string action, string details, DateTimeOffset at)
    {
        var entry = Record(assetId, actorId, action, details, at);
        entry.CollectionId = collectionId;
        return entry;
    }
}
