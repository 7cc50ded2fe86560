using System.Text.Json;
using MediaVault.Domain.Access;
using MediaVault.Domain.Activity;
using MediaVault.Domain.Assets.Events;
using MediaVault.Domain.Collections.Events;
using MediaVault.Domain.Common;
using MediaVault.Domain.Groups;
using MediaVault.Domain.Sharing;
using MediaVault.Domain.Users;

namespace MediaVault.Infrastructure.Persistence;

/// <summary>Turns the domain events of an asset into the lines of its activity log, with the action names of the API.</summary>
internal static class ActivityRecorder
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ActivityEntry? ToEntry(IDomainEvent domainEvent)
    {
        (string Action, object Details)? line = domainEvent switch
        {
            AssetRegistered { LinkId: { } link } e => ("asset.created", new { e.FileName, e.ContentType, e.SizeBytes, LinkId = link.Value }),
            AssetRegistered e => ("asset.created", new { e.FileName, e.ContentType, e.SizeBytes }),
            AssetUploaded e => ("asset.uploaded", new { e.SizeBytes }),
            AssetUpdated e => ("asset.updated", new { e.ChangedFields }),
            AssetDownloaded => ("asset.downloaded", new { }),
            AssetDeleted => ("asset.deleted", new { }),
            UploadAbandoned => ("asset.purged", new { }),
            AssetRestored => ("asset.restored", new { }),
            AssetPurged => ("asset.purged", new { }),
            GrantCreated e => ("grant.created", GrantDetails(e.GrantId, e.GranteeId, e.GroupId, e.Role, e.AllowDownload, e.ExpiresAt)),
            GrantUpdated e => ("grant.updated", GrantDetails(e.GrantId, e.GranteeId, e.GroupId, e.Role, e.AllowDownload, e.ExpiresAt)),
            GrantRevoked e => ("grant.revoked", new { GrantId = e.GrantId.Value, GranteeId = e.GranteeId?.Value, GroupId = e.GroupId?.Value }),
            CollectionCreated e => ("collection.created", new { e.Name }),
            CollectionUpdated e => ("collection.updated", new { e.ChangedFields }),
            CollectionAssetAdded e => ("collection.asset-added", new { AssetId = e.AssetId.Value }),
            CollectionAssetRemoved e => ("collection.asset-removed", new { AssetId = e.AssetId.Value }),
            CollectionGrantCreated e => ("grant.created", GrantDetails(e.GrantId, e.GranteeId, e.GroupId, e.Role, e.AllowDownload, e.ExpiresAt)),
            CollectionGrantUpdated e => ("grant.updated", GrantDetails(e.GrantId, e.GranteeId, e.GroupId, e.Role, e.AllowDownload, e.ExpiresAt)),
            CollectionGrantRevoked e => ("grant.revoked", new { GrantId = e.GrantId.Value, GranteeId = e.GranteeId?.Value, GroupId = e.GroupId?.Value }),
            LinkCreated e => ("link.created", new { LinkId = e.LinkId.Value, e.ExpiresAt, e.HasPassword, e.MaxDownloads }),
            LinkRevoked e => ("link.revoked", new { LinkId = e.LinkId.Value }),
            LinkUsed { Use: LinkUse.Downloaded } e => ("link.downloaded", new { LinkId = e.LinkId.Value, e.Client, DownloadCount = e.Count }),
            LinkUsed { Use: LinkUse.Uploaded } e => ("link.uploaded", new { LinkId = e.LinkId.Value, e.Client, UploadCount = e.Count }),
            LinkUsed e => ("link.viewed", new { LinkId = e.LinkId.Value, e.Client }),
            CollectionLinkCreated e => ("link.created", new
            {
                LinkId = e.LinkId.Value, Kind = e.Kind.ToString().ToLowerInvariant(), e.ExpiresAt, e.HasPassword, e.MaxDownloads, e.MaxUploads, e.AllowDownload,
            }),
            CollectionLinkRevoked e => ("link.revoked", new { LinkId = e.LinkId.Value }),
            _ => null,
        };
        if (line is not { } l)
        {
            return null;
        }

        var details = JsonSerializer.Serialize(l.Details, Json);
        return domainEvent switch
        {
            IAssetEvent e => ActivityEntry.Record(e.AssetId, e.ActorId, l.Action, details, e.OccurredAt),
            ICollectionEvent e => ActivityEntry.RecordForCollection(e.CollectionId, e.ActorId, l.Action, details, e.OccurredAt),
            LinkUsed { AssetId: { } asset, CollectionId: { } collection } e => ActivityEntry.RecordForAssetInCollection(asset, collection, null, l.Action, details, e.OccurredAt),
            LinkUsed { AssetId: { } asset } e => ActivityEntry.Record(asset, null, l.Action, details, e.OccurredAt),
            LinkUsed { CollectionId: { } collection } e => ActivityEntry.RecordForCollection(collection, null, l.Action, details, e.OccurredAt),
            _ => null,
        };
    }

    private static object GrantDetails(GrantId grantId, UserId? granteeId, GroupId? groupId, AccessRole role, bool allowDownload, DateTimeOffset? expiresAt) =>
        new { GrantId = grantId.Value, GranteeId = granteeId?.Value, GroupId = groupId?.Value, Role = RoleName(role), AllowDownload = allowDownload, ExpiresAt = expiresAt };

    private static string RoleName(AccessRole role) => role.ToString().ToLowerInvariant();
}
