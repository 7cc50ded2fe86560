using System.Text;
using MediaVault.Application.Abstractions;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Assets.Media;
using Microsoft.EntityFrameworkCore;
using MediaVault.Application.Assets.Specifications;
using MediaVault.Domain.Users;
using Npgsql;

namespace MediaVault.Infrastructure.Persistence;

/// <summary>
/// A list page in PostgreSQL's own SQL (ADR-076, ADR-082): the arms of
/// <see cref="Application.Access.EffectiveAccessQuery.VisiblePage"/> (the person's own assets, grants to the person,
/// grants to its groups, the contents of the collections granted to it or its groups) with the same checks, and the
/// projection of <see cref="Application.Assets.Specifications.VisibleAssetsPageQuery.Project"/>, as one statement the
/// planner plans in a fraction of a millisecond:
/// <list type="bullet">
/// <item>Each group and each collection is cut to its own newest rows by a <c>CROSS JOIN LATERAL … ORDER BY … LIMIT</c>
/// over its keyset index (EF Core sends a per-principal cut as a window over the whole table), and each arm is bounded
/// by the arms before it: once the own and personal arms hold <c>take</c> assets, nothing older than the last of them
/// can be on the page, so the groups' and collections' index scans start and stop within that range.</item>
/// <item>Each arm row carries the role and download right of the grant that found it. An asset on the page is among
/// the first <c>take</c> rows of every arm that holds it (all arms share the page's order), so grouping the arms' rows by
/// asset gives the caller's strongest grant and collection roles without reading any grant again.</item>
/// <item>The page's assets are then read by primary key, with their tags (in the order they were given) and renditions
/// aggregated per asset.</item>
/// </list>
/// The work grows with <c>take × principals</c> at most. The statement goes through EF Core (<c>SqlQueryRaw</c>), so
/// its interceptors and fault handling apply. SQLite, the embedded default, sends the LINQ form (null here).
/// </summary>
internal sealed class PostgresVisiblePages(MediaVaultDbContext db) : IVisiblePageSource
{
    public async Task<List<AssetListItem>?> ListAsync(VisiblePageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!db.Database.IsNpgsql() || (!request.Owned && !request.Shared))
        {
            return null;
        }

        // Named vp_…: EF Core names its own parameters after C# variables, never so.
        var parameters = new List<NpgsqlParameter>
        {
            new("@vp_person", request.Person.Value),
            new("@vp_now", request.Now),
            new("@vp_take", request.Take),
        };
        var filter = Filter(request, parameters);
        var ctes = new List<string>();
        var arms = new List<string>();
        var throughGroups = request.Shared && request.ThroughGroups;
        var throughCollections = request.Shared && request.ThroughCollections;
        if (throughGroups)
        {
            ctes.Add("""
                vp_groups AS (SELECT m."GroupId" AS id FROM group_members AS m WHERE m."UserId" = @vp_person)
                """);
        }

        if (throughCollections)
        {
            // The person's principals, each from its own index: the groups, then the collections granted to the person
            // or to one of the groups with the strongest such grant (UNION ALL, not an OR, so both sides start from an
            // index; OFFSET 0 keeps the per-group lookup a LATERAL index probe instead of a join the planner may answer
            // with a scan of all grants).
            var throughTheirGroups = throughGroups
                ? $"""

                  UNION ALL
                  SELECT x.id, x.r, x.d FROM vp_groups CROSS JOIN LATERAL (
                    SELECT g."CollectionId" AS id, {RankOf("g")} AS r, g."AllowDownload" AS d FROM collection_grants AS g
                    WHERE g."GroupId" = vp_groups.id AND {Active("g")} OFFSET 0) AS x
                """
                : string.Empty;
            ctes.Add($"""
                vp_collections AS (
                  SELECT c.id, max(c.r) AS r, bool_or(c.d) AS d FROM (
                  SELECT g."CollectionId" AS id, {RankOf("g")} AS r, g."AllowDownload" AS d FROM collection_grants AS g
                  WHERE g."GranteeId" = @vp_person AND {Active("g")}{throughTheirGroups}) AS c
                  GROUP BY c.id)
                """);
        }

        if (request.Owned)
        {
            ctes.Add($"""
                vp_owned AS (
                  SELECT a."CreatedAt" AS c, a."Id" AS id, NULL::int AS gr, false AS gd, NULL::int AS ir, false AS id_ FROM assets AS a
                  WHERE a."OwnerId" = @vp_person AND a."DeletedAt" IS NULL{filter}{After(request, "a.\"CreatedAt\"", "a.\"Id\"", parameters)}
                  ORDER BY a."CreatedAt" DESC, a."Id" DESC LIMIT @vp_take)
                """);
            arms.Add("vp_owned");
        }

        var others = $"""a."OwnerId" <> @vp_person AND {Shareable("a")}{filter}""";
        if (request.Shared)
        {
            var grantAfter = After(request, "g.\"AssetCreatedAt\"", "g.\"AssetId\"", parameters);
            ctes.Add($"""
                vp_personal AS (
                  SELECT g."AssetCreatedAt" AS c, g."AssetId" AS id, {RankOf("g")} AS gr, g."AllowDownload" AS gd, NULL::int AS ir, false AS id_
                  FROM share_grants AS g {Probe("g.\"AssetId\"", others)}
                  WHERE g."GranteeId" = @vp_person AND {Active("g")}{grantAfter}
                  ORDER BY g."AssetCreatedAt" DESC, g."AssetId" DESC LIMIT @vp_take)
                """);
            arms.Add("vp_personal");
        }

        // An arm the caller's reach says cannot find anything (no group; no group and no collection grant) is left out.
        if (throughGroups)
        {
            var grantAfter = After(request, "g.\"AssetCreatedAt\"", "g.\"AssetId\"", parameters);
            ctes.Add(Bound("vp_bound_groups", arms));
            ctes.Add($"""
                vp_grouped AS (
                  SELECT x.c, x.id, x.gr, x.gd, NULL::int AS ir, false AS id_ FROM vp_groups CROSS JOIN LATERAL (
                    SELECT g."AssetCreatedAt" AS c, g."AssetId" AS id, {RankOf("g")} AS gr, g."AllowDownload" AS gd
                    FROM share_grants AS g {Probe("g.\"AssetId\"", others)}
                    WHERE g."GroupId" = vp_groups.id AND {Active("g")}{grantAfter}
                      AND g."AssetCreatedAt" >= COALESCE((SELECT c FROM vp_bound_groups), '-infinity')
                    ORDER BY g."AssetCreatedAt" DESC, g."AssetId" DESC LIMIT @vp_take) AS x)
                """);
            arms.Add("vp_grouped");
        }

        if (throughCollections)
        {
            ctes.Add(Bound("vp_bound_collections", arms));
            ctes.Add($"""
                vp_collected AS (
                  SELECT x.c, x.id, NULL::int AS gr, false AS gd, vp_collections.r AS ir, vp_collections.d AS id_ FROM vp_collections CROSS JOIN LATERAL (
                    SELECT e."AssetCreatedAt" AS c, e."AssetId" AS id FROM collection_entries AS e {Probe("e.\"AssetId\"", $"a.\"InheritsAccess\" AND {others}")}
                    WHERE e."CollectionId" = vp_collections.id{After(request, "e.\"AssetCreatedAt\"", "e.\"AssetId\"", parameters)}
                      AND e."AssetCreatedAt" >= COALESCE((SELECT c FROM vp_bound_collections), '-infinity')
                    ORDER BY e."AssetCreatedAt" DESC, e."AssetId" DESC LIMIT @vp_take) AS x)
                """);
            arms.Add("vp_collected");
        }

        // The page: the arms' rows grouped by asset (one asset may come by several paths), newest first, cut.
        ctes.Add($"""
            vp_page AS (
              SELECT u.c, u.id, max(u.gr) AS gr, bool_or(u.gd) AS gd, max(u.ir) AS ir, bool_or(u.id_) AS id_
              FROM ({string.Join(" UNION ALL ", arms.Select(a => $"SELECT * FROM {a}"))}) AS u
              GROUP BY u.c, u.id ORDER BY u.c DESC, u.id DESC LIMIT @vp_take)
            """);
        var sql = new StringBuilder("WITH ")
            .AppendJoin(",\n", ctes)
            .Append($"""

                SELECT a."Id", a."OwnerId", a."Title", a."Description", a."FileName", a."ContentType", a."Kind", a."SizeBytes", a."Sha256",
                  a."Status", a."CreatedAt", a."UpdatedAt", a."Integrity", a."InheritsAccess",
                  a."MediaWidth", a."MediaHeight", a."MediaDurationSeconds", a."MediaCodec",
                  p.gr AS "GrantRank", COALESCE(p.gd, false) AS "GrantAllowsDownload", p.ir AS "InheritedRank", COALESCE(p.id_, false) AS "InheritedAllowsDownload",
                  (SELECT array_agg(t."Tag" ORDER BY t."Id") FROM asset_tags AS t WHERE t."AssetId" = a."Id") AS "Tags",
                  (SELECT string_agg(r."Name" || '{FS}' || r."Status" || '{FS}' || COALESCE(r."ContentType", '') || '{FS}' || COALESCE(r."Width"::text, '') || '{FS}' || COALESCE(r."Height"::text, ''), '{IS}')
                   FROM asset_renditions AS r WHERE r."AssetId" = a."Id") AS "Renditions"
                FROM vp_page AS p CROSS JOIN LATERAL (SELECT * FROM assets AS a WHERE a."Id" = p.id OFFSET 0) AS a
                ORDER BY p.c DESC, p.id DESC
                """);
#pragma warning disable EF1002 // The text is built from constants only; every value travels as a parameter.
        var rows = await db.Database.SqlQueryRaw<ListedRow>(sql.ToString(), [.. parameters]).ToListAsync(cancellationToken);
#pragma warning restore EF1002
        return rows.ConvertAll(r => r.ToItem());
    }

    private const string FS = ListedCollections.FieldSeparator;

    private const string IS = ListedCollections.ItemSeparator;

    /// <summary>The role of a grant as the list's rank (1 viewer, 2 editor, 3 manager), as <c>VisibleAssetsPageQuery.Project</c> ranks it.</summary>
    private static string RankOf(string grant) =>
        $"""CASE {grant}."Role" WHEN '{AccessRole.Manager}' THEN 3 WHEN '{AccessRole.Editor}' THEN 2 ELSE 1 END""";

    /// <summary>
    /// The take-th newest asset of the arms so far (distinct: one asset may come by two paths), or no
    /// row when they hold fewer: nothing older can be on the page.
    /// </summary>
    private static string Bound(string name, IEnumerable<string> arms) => $"""
        {name} AS (
          SELECT u.c FROM ({string.Join(" UNION ", arms.Select(a => $"SELECT c, id FROM {a}"))}) AS u
          ORDER BY u.c DESC, u.id DESC OFFSET @vp_take - 1 LIMIT 1)
        """;

    /// <summary>
    /// The asset behind one row of an arm (aliased <c>a</c>), checked against <paramref name="conditions"/> by a primary-key
    /// probe for that row alone. As a join, the planner may answer a small table with a hash of every shareable asset
    /// (reading the whole table for each page); <c>OFFSET 0</c> keeps the subquery from being pulled up into a join,
    /// so the arm walks its keyset index newest first and stops at <c>take</c>.
    /// </summary>
    private static string Probe(string assetId, string conditions) =>
        $"""CROSS JOIN LATERAL (SELECT 1 FROM assets AS a WHERE a."Id" = {assetId} AND {conditions} OFFSET 0) AS vp_asset""";

    /// <summary><see cref="Grant.IsActive{TGrant}"/>.</summary>
    private static string Active(string g) => $"""{g}."RevokedAt" IS NULL AND ({g}."ExpiresAt" IS NULL OR {g}."ExpiresAt" > @vp_now)""";

    /// <summary><see cref="AccessPolicy.ShareableState"/>.</summary>
    private static string Shareable(string a) =>
        $"""{a}."Status" = '{AssetStatus.Ready}' AND {a}."Integrity" <> '{AssetIntegrity.Mismatch}' AND {a}."DeletedAt" IS NULL""";

    /// <summary>
    /// The keyset cursor: strictly older than the last row of the previous page. The first condition is implied by the
    /// second; it is there as a bound the index scan can start from.
    /// </summary>
    private static string After(VisiblePageRequest request, string createdAt, string id, List<NpgsqlParameter> parameters)
    {
        if (request.After is not var (at, after))
        {
            return string.Empty;
        }

        if (!parameters.Exists(p => p.ParameterName == "@vp_after_at"))
        {
            parameters.Add(new("@vp_after_at", at));
            parameters.Add(new("@vp_after_id", after.Value));
        }

        return $" AND {createdAt} <= @vp_after_at AND ({createdAt} < @vp_after_at OR ({createdAt} = @vp_after_at AND {id} < @vp_after_id))";
    }

    /// <summary><see cref="Application.Assets.Specifications.VisibleAssetsPageQuery.Filter"/> over the asset aliased <c>a</c>.</summary>
    private static string Filter(VisiblePageRequest request, List<NpgsqlParameter> parameters)
    {
        var filter = new StringBuilder();
        if (request.Kind is { } kind)
        {
            parameters.Add(new("@vp_kind", kind.ToString()));
            filter.Append(" AND a.\"Kind\" = @vp_kind");
        }

        if (request.Tag is { } tag)
        {
            parameters.Add(new("@vp_tag", tag));
            filter.Append(" AND EXISTS (SELECT 1 FROM asset_tags AS t WHERE t.\"AssetId\" = a.\"Id\" AND t.\"Tag\" = @vp_tag)");
        }

        if (request.Needle is { } needle)
        {
            parameters.Add(new("@vp_needle", needle));
            filter.Append(" AND (strpos(lower(a.\"Title\"), @vp_needle) > 0 OR strpos(lower(a.\"Description\"), @vp_needle) > 0 OR strpos(lower(a.\"FileName\"), @vp_needle) > 0)");
        }

        return filter.ToString();
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
