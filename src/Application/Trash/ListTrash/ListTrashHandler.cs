using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Common;
using MediaVault.Domain.Assets;

namespace MediaVault.Application.Trash.ListTrash;

public sealed record ListTrashQuery(int? Limit = null, string? Cursor = null);

/// <summary>
/// The caller's trashed assets whose purge is not yet due, newest deletion first (deletedAt desc, id desc), one keyset
/// page at a time. An asset whose purge was requested or has started is gone as far as its owner is concerned.
/// </summary>
public sealed class ListTrashHandler(IQueryRunner queries, ICurrentUser currentUser, TimeProvider clock, ICursorSigner cursors)
{
    /// <summary>The name this list's cursors are signed with: a cursor of another list is not accepted here.</summary>
    public const string CursorList = "trash";

    public async Task<Result<Page<TrashedAssetDto>>> HandleAsync(ListTrashQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var validation = new Validation().Paging(query.Limit, query.Cursor, cursors, CursorList, out var cursor);
        if (!validation.IsValid)
        {
            return validation.ToResult<Page<TrashedAssetDto>>();
        }

        var caller = currentUser.RequireId();
        var limit = query.Limit ?? Paging.DefaultLimit;
        var now = clock.GetUtcNow();
        var rows = await queries.ListAsync<Asset, TrashedAssetDto>(
            assets =>
            {
                var trashed = assets.Where(a => a.OwnerId == caller && a.DeletedAt != null && a.PurgeAt > now);
                if (cursor is { } after)
                {
                    var (at, id) = (after.CreatedAt, new AssetId(after.Id));
                    trashed = trashed.Where(a => a.DeletedAt < at || (a.DeletedAt == at && a.Id < id));
                }

                return trashed
                    .OrderByDescending(a => a.DeletedAt).ThenByDescending(a => a.Id)
                    .Take(limit + 1)
                    .Select(a => new TrashedAssetDto(
                        a.Id.Value,
                        a.OwnerId.Value,
                        a.Title,
                        a.Description,
                        a.FileName,
                        a.ContentType,
                        a.Kind,
                        a.SizeBytes,
                        a.Sha256,
                        a.Tags.Select(t => t.Value).ToList(),
                        a.CreatedAt,
                        a.UpdatedAt,
                        a.DeletedAt!.Value,
                        a.PurgeAt!.Value));
            },
            cancellationToken);

        var items = rows.Take(limit).ToList();
        var next = rows.Count > limit ? new KeysetCursor(items[^1].DeletedAt, items[^1].Id).Encode(cursors, CursorList) : null;
        return Result.Success(new Page<TrashedAssetDto>(items, next));
    }
}
