using Ardalis.Specification;
using MediaVault.Application.Common;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Users;

namespace MediaVault.Application.Assets.Specifications;

public enum AssetScope
{
    All = 0,
    Owned = 1,
    Shared = 2,
}

/// <summary>
/// One page of the assets a caller may see, newest first, as one SQL statement: visibility (own assets and ready
/// assets under an active grant) is applied by the database, the page starts after the keyset cursor, and one row
/// more than the limit is read to tell whether another page follows.
/// </summary>
public sealed class VisibleAssetsPageSpec : Specification<Asset, AssetListItem>
{
    public VisibleAssetsPageSpec(
        UserId caller,
        DateTimeOffset now,
        AssetScope scope,
        MediaKind? kind,
        string? tag,
        string? text,
        KeysetCursor? after,
        int limit)
    {
        Query.Where(scope switch
        {
            AssetScope.Owned => AccessPolicy.OwnedBy(caller),
            AssetScope.Shared => AccessPolicy.SharedWith(caller, now),
            _ => AccessPolicy.VisibleTo(caller, now),
        });

        if (kind is { } k)
        {
            Query.Where(a => a.Kind == k);
        }

        if (tag is not null)
        {
            Query.Where(a => a.Tags.Any(t => t.Value == tag));
        }

        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = $"%{EscapeLike(text.Trim().ToLowerInvariant())}%";
            Query.Search(a => a.Title.ToLower(), pattern, 1)
                .Search(a => a.Description!.ToLower(), pattern, 1)
                .Search(a => a.FileName.ToLower(), pattern, 1);
        }

        if (after is { } cursor)
        {
            var (createdAt, id) = (cursor.CreatedAt, new AssetId(cursor.Id));
            Query.Where(a => a.CreatedAt < createdAt || (a.CreatedAt == createdAt && a.Id < id));
        }

        Query.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .Take(limit + 1)
            .AsNoTracking();

        Query.Select(a => new AssetListItem(
            a.Id,
            a.OwnerId,
            a.Title,
            a.Description,
            a.FileName,
            a.ContentType,
            a.Kind,
            a.SizeBytes,
            a.Sha256,
            a.Status,
            a.Tags.Select(t => t.Value).ToList(),
            a.CreatedAt,
            a.UpdatedAt,
            a.Grants
                .Where(g => g.GranteeId == caller && g.RevokedAt == null && (g.ExpiresAt == null || g.ExpiresAt > now))
                .Select(g => (AccessRole?)g.Role)
                .FirstOrDefault()));
    }

    /// <summary>Escapes LIKE wildcards so that a search for "50%" finds "50%" (escape character '\').</summary>
    public static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
