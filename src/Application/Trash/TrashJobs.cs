using System.Globalization;
using System.Text.Json;
using MediaVault.Application.Abstractions;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Users;

namespace MediaVault.Application.Trash;

/// <summary>
/// The durable job that purges a trashed asset once its purge is due (<c>asset.purge</c>). One job per purge time: its
/// dedupe key is the asset and its <see cref="Asset.PurgeAt"/>, so a job left over from before a restore (or before a
/// purge was requested) never stands in the way of the current one; it finds nothing due and succeeds.
/// </summary>
public static class TrashJobs
{
    public const string PurgeKind = "asset.purge";

    /// <summary>The job for <paramref name="asset"/>'s current purge time, to run at <paramref name="notBefore"/> (default: the purge time).</summary>
    public static JobRequest Purge(Asset asset, UserId? requestedBy, DateTimeOffset? notBefore = null)
    {
        ArgumentNullException.ThrowIfNull(asset);
        var purgeAt = asset.PurgeAt ?? throw new InvalidOperationException($"Asset {asset.Id} is not in the trash.");
        return new JobRequest(
            PurgeKind,
            JsonSerializer.Serialize(new PurgeTrashedAssetCommand(asset.Id.Value, requestedBy?.Value)),
            notBefore ?? purgeAt,
            $"{asset.Id.Value}:{purgeAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>The command a job's payload carries, or <c>null</c> when the payload is not one.</summary>
    public static PurgeTrashedAssetCommand? Parse(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<PurgeTrashedAssetCommand>(payload) is { AssetId: var id } command && id != Guid.Empty ? command : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>Purge <paramref name="AssetId"/> if its purge is due; <paramref name="RequestedBy"/> is the owner who asked, or <c>null</c> (retention).</summary>
public sealed record PurgeTrashedAssetCommand(Guid AssetId, Guid? RequestedBy);
