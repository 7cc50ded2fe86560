using System.Text.Json;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Activity.ListActivity;
using MediaVault.Application.Common;
using MediaVault.Application.Sharing;
using Riok.Mapperly.Abstractions;

namespace MediaVault.WebApi.Contracts;

/// <summary>Sharing, activity and administration DTOs to the HTTP contract's records; enums map by name.</summary>
[Mapper(EnumMappingStrategy = EnumMappingStrategy.ByName)]
public static partial class SharingContractMapper
{
    public static partial GrantResponse ToResponse(this GrantDto grant);

    public static partial LinkResponse ToResponse(this LinkDto link);

    public static partial PublicLinkResponse ToResponse(this PublicLinkDto link);

    public static partial AdminUserResponse ToResponse(this AccountSummary account);

    public static CreatedLinkResponse ToResponse(this CreatedLinkDto created)
    {
        ArgumentNullException.ThrowIfNull(created);
        var link = created.Link;
        return new CreatedLinkResponse(
            link.Id, created.Token, created.Url, link.ExpiresAt, link.HasPassword, link.MaxDownloads, link.DownloadCount, link.CreatedAt, link.CreatedBy, link.Active);
    }

    public static ActivityEntryResponse ToResponse(this ActivityEntryDto entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var details = JsonDocument.Parse(entry.Details);
        return new ActivityEntryResponse(entry.Id, entry.At, entry.ActorId, entry.Action, details.RootElement.Clone());
    }

    public static PageResponse<ActivityEntryResponse> ToResponse(this Page<ActivityEntryDto> page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new PageResponse<ActivityEntryResponse>([.. page.Items.Select(ToResponse)], page.NextCursor);
    }

    public static PageResponse<AdminUserResponse> ToResponse(this Page<AccountSummary> page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new PageResponse<AdminUserResponse>([.. page.Items.Select(ToResponse)], page.NextCursor);
    }
}
