using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Access;
using MediaVault.Application.Assets.Specifications;
using MediaVault.Application.Common;
using MediaVault.Domain.Assets;

namespace MediaVault.Application.Assets.ListAssets;

/// <summary>The raw query string of <c>GET /assets</c>; parsed and checked here so every caller gets the same rules.</summary>
public sealed record ListAssetsQuery(
    string? Scope = null,
    string? Kind = null,
    string? Tag = null,
    string? Q = null,
    int? Limit = null,
    string? Cursor = null);

/// <summary>Lists the assets the caller may see, newest first, one keyset page at a time.</summary>
public sealed class ListAssetsHandler(IQueryRunner queries, IVisiblePageSource pages, ICurrentUser currentUser, TimeProvider clock, ICursorSigner cursors)
{
    /// <summary>The name this list's cursors are signed with: a cursor of another list is not accepted here.</summary>
    public const string CursorList = "assets";

    public const int MaxSearchLength = 200;

    public async Task<Result<Page<AssetDto>>> HandleAsync(ListAssetsQuery query, CancellationToken cancellationToken)
    {
        var validation = new Validation().Paging(query.Limit, query.Cursor, cursors, CursorList, out var cursor);
        var scope = AssetScope.All;
        validation.When(query.Scope is not null && !TryParseEnum(query.Scope, out scope), "scope", "scope must be one of all, owned, shared.");
        var kind = default(MediaKind);
        validation.When(query.Kind is not null && !TryParseEnum(query.Kind, out kind), "kind", "kind must be one of image, video, audio.");
        Tag? tag = null;
        validation.When(query.Tag is not null && !Tag.TryCreate(query.Tag, out tag), "tag", "tag is not a valid tag.");
        validation.When(query.Q is { Length: > MaxSearchLength }, "q", $"q is at most {MaxSearchLength} characters.").Text("q", query.Q);
        if (!validation.IsValid)
        {
            return validation.ToResult<Page<AssetDto>>();
        }

        var caller = currentUser.RequireId();
        var limit = query.Limit ?? Paging.DefaultLimit;
        var now = clock.GetUtcNow();
        var request = new VisiblePageRequest(
            caller,
            now,
            Owned: scope != AssetScope.Shared,
            Shared: scope != AssetScope.Owned,
            query.Kind is null ? null : kind,
            tag?.Value,
            VisibleAssetsPageQuery.Needle(query.Q),
            cursor is { } c ? (c.CreatedAt, new AssetId(c.Id)) : null,
            limit + 1,
            currentUser.Reach);
        var rows = await pages.ListAsync(request, cancellationToken)
            ?? await queries.ListAsync(VisibleAssetsPageQuery.Build(AccessSources.From(queries), request), cancellationToken);

        var items = rows.Take(limit).Select(r => r.ToDto(caller)).ToList();
        var next = rows.Count > limit ? new KeysetCursor(items[^1].CreatedAt, items[^1].Id).Encode(cursors, CursorList) : null;
        return Result.Success(new Page<AssetDto>(items, next));
    }

    // Enum names as the API spells them: lower case, no numbers ("1" is not a scope).
    private static bool TryParseEnum<TEnum>(string value, out TEnum result)
        where TEnum : struct, Enum =>
        Enum.TryParse(value, ignoreCase: true, out result)
        && !value.Any(char.IsAsciiDigit)
        && Enum.IsDefined(result);
}
