using MediaVault.Application.Abstractions;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Assets.Media;
using Microsoft.EntityFrameworkCore;
using MediaVault.Application.Assets.Specifications;
using MediaVault.Domain.Users;
using Npgsql;
using NpgsqlTypes;

namespace MediaVault.Infrastructure.Persistence;

/// <summary>
/// A list page in PostgreSQL's own SQL (ADR-076, ADR-082, ADR-083): one call of the server-side function
/// <c>mv_visible_page</c> (migration <c>VisiblePageFunction</c>), which holds the arms of
/// <see cref="Application.Access.EffectiveAccessQuery.VisiblePage"/> (the person's own assets, grants to the person,
/// grants to its groups, the contents of the collections granted to it or its groups) with the same checks, and the
/// projection of <see cref="Application.Assets.Specifications.VisibleAssetsPageQuery.Project"/>:
/// <list type="bullet">
/// <item>Each group and each collection is cut to its own newest rows by a <c>CROSS JOIN LATERAL … ORDER BY … LIMIT</c>
/// over its keyset index, and each arm is bounded by the arms before it: once the own and personal arms hold
/// <c>take</c> assets, nothing older than the last of them can be on the page.</item>
/// <item>Each arm row carries the role and download right of the grant that found it. An asset on the page is among
/// the first <c>take</c> rows of every arm that holds it (all arms share the page's order), so grouping the arms' rows by
/// asset gives the caller's strongest grant and collection roles without reading any grant again.</item>
/// <item>The page's assets are then read by primary key, with their tags (in the order they were given) and renditions
/// aggregated per asset.</item>
/// <item>An arm the caller's reach says cannot find anything (no group; no group and no collection grant) is switched
/// off by its parameter, which the plan checks once, before reading anything.</item>
/// </list>
/// The function is planned once per database session, with a generic plan (the statement is written so that its plan
/// does not depend on the values: every arm is a nested loop of index probes cut by <c>LIMIT</c>), whatever PostgreSQL
/// would choose for a prepared statement; a statement planned afresh spent 40 % of its database time planning. The work
/// grows with <c>take × principals</c> at most.
/// The call goes through EF Core (<c>SqlQueryRaw</c>), so its interceptors and fault handling apply. SQLite, the
/// embedded default, sends the LINQ form (null here).
/// </summary>
internal sealed class PostgresVisiblePages(MediaVaultDbContext db) : IVisiblePageSource
{
    // Named vp_…: EF Core names its own parameters after C# variables, never so. The casts name the types of the
    // parameters that may be null, so that the one function is found whatever is left out.
    private const string Call = """
        SELECT * FROM mv_visible_page(@vp_person, @vp_now, @vp_take, @vp_owned, @vp_shared, @vp_groups, @vp_collections,
          @vp_kind::text, @vp_tag::text, @vp_needle::text, @vp_after_at::timestamptz, @vp_after_id::uuid)
        ORDER BY "CreatedAt" DESC, "Id" DESC
        """;

    public async Task<List<AssetListItem>?> ListAsync(VisiblePageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!db.Database.IsNpgsql() || (!request.Owned && !request.Shared))
        {
            return null;
        }

        var after = request.After;
        NpgsqlParameter[] parameters =
        [
            new("@vp_person", request.Person.Value),
            new("@vp_now", request.Now),
            new("@vp_take", request.Take),
            new("@vp_owned", request.Owned),
            new("@vp_shared", request.Shared),
            new("@vp_groups", request.Shared && request.ThroughGroups),
            new("@vp_collections", request.Shared && request.ThroughCollections),
            new("@vp_kind", NpgsqlDbType.Text) { Value = (object?)request.Kind?.ToString() ?? DBNull.Value },
            new("@vp_tag", NpgsqlDbType.Text) { Value = (object?)request.Tag ?? DBNull.Value },
            new("@vp_needle", NpgsqlDbType.Text) { Value = (object?)request.Needle ?? DBNull.Value },
            new("@vp_after_at", NpgsqlDbType.TimestampTz) { Value = after is var (at, _) ? at : DBNull.Value },
            new("@vp_after_id", NpgsqlDbType.Uuid) { Value = after is var (_, id) ? id.Value : DBNull.Value },
        ];
#pragma warning disable EF1002 // The text is a constant; every value travels as a parameter.
        var rows = await db.Database.SqlQueryRaw<ListedRow>(Call, parameters).ToListAsync(cancellationToken);
#pragma warning restore EF1002
        return rows.ConvertAll(r => r.ToItem());
    }
}

/// <summary>One row of <see cref="PostgresVisiblePages"/>' statement, by column name.</summary>
internal sealed class ListedRow
{
    public Guid Id { get; init; }

    public Guid OwnerId { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    public required string Kind { get; init; }

    public long SizeBytes { get; init; }

    public string? Sha256 { get; init; }

    public required string Status { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public required string Integrity { get; init; }

    public bool InheritsAccess { get; init; }

    public int? MediaWidth { get; init; }

    public int? MediaHeight { get; init; }

    public double? MediaDurationSeconds { get; init; }

    public string? MediaCodec { get; init; }

    public int? GrantRank { get; init; }

    public bool GrantAllowsDownload { get; init; }

    public int? InheritedRank { get; init; }

    public bool InheritedAllowsDownload { get; init; }

    public string[]? Tags { get; init; }

    public string? Renditions { get; init; }

    public AssetListItem ToItem() => new(
        new AssetId(Id),
        new UserId(OwnerId),
        Title,
        Description,
        FileName,
        ContentType,
        Enum.Parse<MediaKind>(Kind),
        SizeBytes,
        Sha256,
        Enum.Parse<AssetStatus>(Status),
        Tags is null ? [] : [.. Tags],
        CreatedAt,
        UpdatedAt,
        Enum.Parse<AssetIntegrity>(Integrity),
        InheritsAccess,
        GrantRank,
        GrantAllowsDownload,
        InheritedRank,
        InheritedAllowsDownload,
        MediaWidth,
        MediaHeight,
        MediaDurationSeconds,
        MediaCodec,
        ListedCollections.Renditions(Renditions));
}
