using System.Text.Json;
using MediaVault.Domain.Activity;
using MediaVault.Domain.Assets.Events;
using MediaVault.Domain.Common;

namespace MediaVault.Infrastructure.Persistence;

/// <summary>Turns the domain events of an asset into the lines of its activity log, with the action names of the API.</summary>
internal static class ActivityRecorder
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ActivityEntry? ToEntry(IDomainEvent domainEvent)
    {
        (string Action, object Details)? line = domainEvent switch
        {
            AssetRegistered e => ("asset.created", new { e.FileName, e.ContentType, e.SizeBytes }),
            AssetUploaded e => ("asset.uploaded", new { e.SizeBytes }),
            AssetUpdated e => ("asset.updated", new { e.ChangedFields }),
            AssetDownloaded => ("asset.downloaded", new { }),
            AssetDeleted => ("asset.deleted", new { }),
            UploadAbandoned => ("asset.purged", new { }),
            GrantCreated e => ("grant.created", new { GrantId = e.GrantId.Value, GranteeId = e.GranteeId.Value, Role = RoleName(e.Role), e.ExpiresAt }),
            GrantUpdated e => ("grant.updated", new { GrantId = e.GrantId.Value, GranteeId = e.GranteeId.Value, Role = RoleName(e.Role), e.ExpiresAt }),
            GrantRevoked e => ("grant.revoked", new { GrantId = e.GrantId.Value, GranteeId = e.GranteeId.Value }),
            LinkCreated e => ("link.created", new { LinkId = e.LinkId.Value, e.ExpiresAt, e.HasPassword, e.MaxDownloads }),
            LinkRevoked e => ("link.revoked", new { LinkId = e.LinkId.Value }),
            LinkDownloaded e => ("link.downloaded", new { LinkId = e.LinkId.Value, e.DownloadCount }),
            _ => null,
        };
        if (line is not { } l || domainEvent is not IAssetEvent assetEvent)
        {
            return null;
        }

        return ActivityEntry.Record(assetEvent.AssetId, assetEvent.ActorId, l.Action, JsonSerializer.Serialize(l.Details, Json), assetEvent.OccurredAt);
    }

    private static string RoleName(Domain.Access.AccessRole role) => role.ToString().ToLowerInvariant();
}
