using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MediaVault.Infrastructure.Persistence.Migrations.Postgres
{
    /// <summary>
    /// The list page as a server-side function, <c>mv_visible_page</c> (ADR-083): the statement of ADR-082 with every arm
    /// present and switched on or off by a parameter, planned once per session with a generic plan
    /// (<c>SET plan_cache_mode = force_generic_plan</c> holds inside the function only) instead of once per request, and
    /// with no bitmap scans (<c>SET enable_bitmapscan = off</c>): every arm is an index scan in the page's order that stops
    /// at its cut, whatever the planner guesses about the person's row counts. A person no group or collection can reach
    /// gets a two-arm statement whose arms the page reads lazily.
    /// The arms, checks and projection are those ADR-082 describes; <see cref="PostgresVisiblePages"/> calls the function.
    /// The property test of the access model runs the lists against the single-asset evaluator. A change to the page's SQL
    /// is a new migration that replaces the function.
    /// </summary>
    public partial class VisiblePageFunction : Migration
    {
        // The function's text is put together from the fragments below, each written once: the same checks stand in
        // every arm, and the own and personal arms and the projection in both statements of the function.

        /// <summary>The role of a grant aliased <paramref name="g"/> as the list's rank (1 viewer, 2 editor, 3 manager).</summary>
        private static string Rank(string g) => $"""CASE {g}."Role" WHEN 'Manager' THEN 3 WHEN 'Editor' THEN 2 ELSE 1 END""";

        /// <summary>The grant aliased <paramref name="g"/> is active: not revoked, not expired.</summary>
        private static string Active(string g) => $"""{g}."RevokedAt" IS NULL AND ({g}."ExpiresAt" IS NULL OR {g}."ExpiresAt" > p_now)""";

        /// <summary>The keyset cursor over a row's <paramref name="c"/> and <paramref name="id"/>; the first condition is the index bound.</summary>
        private static string After(string c, string id) =>
            $"""{c} <= v_before AND (p_after_at IS NULL OR {c} < p_after_at OR ({c} = p_after_at AND {id} < p_after_id))""";

        /// <summary>The list's optional filters (kind, tag, text) over the asset aliased <c>a</c>.</summary>
        private const string Filters = """
            (p_kind IS NULL OR a."Kind" = p_kind)
                    AND (p_tag IS NULL OR EXISTS (SELECT 1 FROM asset_tags AS t WHERE t."AssetId" = a."Id" AND t."Tag" = p_tag))
                    AND (p_needle IS NULL OR strpos(lower(a."Title"), p_needle) > 0 OR strpos(lower(a."Description"), p_needle) > 0 OR strpos(lower(a."FileName"), p_needle) > 0)
            """;

        /// <summary>
        /// The asset behind one arm row, someone else's and shareable, probed by primary key for that row alone
        /// (<c>OFFSET 0</c> keeps it from becoming a join the planner may answer with a scan of every asset).
        /// </summary>
        private static string Probe(string assetId, string extra = "") => $"""
            CROSS JOIN LATERAL (
                  SELECT 1 FROM assets AS a WHERE a."Id" = {assetId}{extra} AND a."OwnerId" <> p_person
                    AND a."Status" = 'Ready' AND a."Integrity" <> 'Mismatch' AND a."DeletedAt" IS NULL
                    AND {Filters}
                  OFFSET 0) AS vp_asset
            """;

        private static readonly string OwnedArm = $"""
            vp_owned AS (
                SELECT a."CreatedAt" AS c, a."Id" AS id, NULL::int AS gr, false AS gd, NULL::int AS ir, false AS id_ FROM assets AS a
                WHERE p_owned AND a."OwnerId" = p_person AND a."DeletedAt" IS NULL
                  AND {Filters}
                  AND {After("a.\"CreatedAt\"", "a.\"Id\"")}
                ORDER BY a."CreatedAt" DESC, a."Id" DESC LIMIT p_take)
            """;

        private static readonly string PersonalArm = $"""
            vp_personal AS (
                SELECT g."AssetCreatedAt" AS c, g."AssetId" AS id, {Rank("g")} AS gr, g."AllowDownload" AS gd, NULL::int AS ir, false AS id_
                FROM share_grants AS g {Probe("g.\"AssetId\"")}
                WHERE p_shared AND g."GranteeId" = p_person AND {Active("g")}
                  AND {After("g.\"AssetCreatedAt\"", "g.\"AssetId\"")}
                ORDER BY g."AssetCreatedAt" DESC, g."AssetId" DESC LIMIT p_take)
            """;

        /// <summary>The page: the arms' rows grouped by asset (one asset may come by several paths), newest first, cut.</summary>
        private static string Page(params string[] arms) => $"""
            vp_page AS (
                SELECT u.c, u.id, max(u.gr) AS gr, bool_or(u.gd) AS gd, max(u.ir) AS ir, bool_or(u.id_) AS id_
                FROM ({string.Join(" UNION ALL ", arms.Select(arm => $"SELECT * FROM {arm}"))}) AS u
                GROUP BY u.c, u.id ORDER BY u.c DESC, u.id DESC LIMIT p_take)
            """;

        /// <summary>The page's assets by primary key, with their tags (in the order given) and renditions.</summary>
        private const string Projection = """
            SELECT a."Id", a."OwnerId", a."Title"::text, a."Description"::text, a."FileName"::text, a."ContentType"::text, a."Kind"::text,
                a."SizeBytes", a."Sha256"::text, a."Status"::text, a."CreatedAt", a."UpdatedAt", a."Integrity"::text, a."InheritsAccess",
                a."MediaWidth", a."MediaHeight", a."MediaDurationSeconds", a."MediaCodec"::text,
                p.gr, COALESCE(p.gd, false), p.ir, COALESCE(p.id_, false),
                (SELECT array_agg(t."Tag"::text ORDER BY t."Id") FROM asset_tags AS t WHERE t."AssetId" = a."Id"),
                (SELECT string_agg(r."Name" || '|' || r."Status" || '|' || COALESCE(r."ContentType", '') || '|' || COALESCE(r."Width"::text, '') || '|' || COALESCE(r."Height"::text, ''), ',')
                 FROM asset_renditions AS r WHERE r."AssetId" = a."Id")
              FROM vp_page AS p CROSS JOIN LATERAL (SELECT * FROM assets AS a WHERE a."Id" = p.id OFFSET 0) AS a
              ORDER BY p.c DESC, p.id DESC;
            """;

        /// <summary>
        /// The take-th newest asset of the arms so far (distinct: one asset may come by two paths), or no row when they
        /// hold fewer: nothing older can be on the page.
        /// </summary>
        private static string Bound(string name, params string[] arms) => $"""
            {name} AS (
                SELECT u.c FROM ({string.Join(" UNION ", arms.Select(arm => $"SELECT c, id FROM {arm}"))}) AS u
                ORDER BY u.c DESC, u.id DESC OFFSET p_take - 1 LIMIT 1)
            """;

        internal static readonly string CreateFunction = $"""
            CREATE OR REPLACE FUNCTION mv_visible_page(
              p_person uuid, p_now timestamptz, p_take integer,
              p_owned boolean, p_shared boolean, p_groups boolean, p_collections boolean,
              p_kind text, p_tag text, p_needle text, p_after_at timestamptz, p_after_id uuid)
            RETURNS TABLE (
              "Id" uuid, "OwnerId" uuid, "Title" text, "Description" text, "FileName" text, "ContentType" text, "Kind" text,
              "SizeBytes" bigint, "Sha256" text, "Status" text, "CreatedAt" timestamptz, "UpdatedAt" timestamptz, "Integrity" text,
              "InheritsAccess" boolean, "MediaWidth" integer, "MediaHeight" integer, "MediaDurationSeconds" double precision,
              "MediaCodec" text, "GrantRank" integer, "GrantAllowsDownload" boolean, "InheritedRank" integer,
              "InheritedAllowsDownload" boolean, "Tags" text[], "Renditions" text)
            LANGUAGE plpgsql STABLE
            SET plan_cache_mode = force_generic_plan
            SET enable_bitmapscan = off
            AS $fn$
            #variable_conflict use_column
            DECLARE
              v_before timestamptz := COALESCE(p_after_at, 'infinity');
            BEGIN
              -- No group and no collection can reach the person: the own and personal arms, each read once, so that both
              -- stay index scans the page reads lazily, newest first, until it holds take assets.
              IF NOT p_groups AND NOT p_collections THEN
                RETURN QUERY
                WITH {OwnedArm},
                {PersonalArm},
                {Page("vp_owned", "vp_personal")}
                {Projection}
                RETURN;
              END IF;

              RETURN QUERY
              WITH vp_groups AS (
                SELECT m."GroupId" AS id FROM group_members AS m WHERE p_groups AND m."UserId" = p_person),
              vp_collections AS (
                SELECT c.id, max(c.r) AS r, bool_or(c.d) AS d FROM (
                  SELECT g."CollectionId" AS id, {Rank("g")} AS r, g."AllowDownload" AS d
                  FROM collection_grants AS g
                  WHERE p_collections AND g."GranteeId" = p_person AND {Active("g")}
                  UNION ALL
                  SELECT x.id, x.r, x.d FROM vp_groups CROSS JOIN LATERAL (
                    SELECT g."CollectionId" AS id, {Rank("g")} AS r, g."AllowDownload" AS d
                    FROM collection_grants AS g
                    WHERE p_collections AND g."GroupId" = vp_groups.id AND {Active("g")} OFFSET 0) AS x) AS c
                GROUP BY c.id),
              {OwnedArm},
              {PersonalArm},
              {Bound("vp_bound_groups", "vp_owned", "vp_personal")},
              vp_grouped AS (
                SELECT x.c, x.id, x.gr, x.gd, NULL::int AS ir, false AS id_ FROM vp_groups CROSS JOIN LATERAL (
                  SELECT g."AssetCreatedAt" AS c, g."AssetId" AS id, {Rank("g")} AS gr, g."AllowDownload" AS gd
                  FROM share_grants AS g {Probe("g.\"AssetId\"")}
                  WHERE p_shared AND g."GroupId" = vp_groups.id AND {Active("g")}
                    AND {After("g.\"AssetCreatedAt\"", "g.\"AssetId\"")}
                    AND g."AssetCreatedAt" >= COALESCE((SELECT c FROM vp_bound_groups), '-infinity')
                  ORDER BY g."AssetCreatedAt" DESC, g."AssetId" DESC LIMIT p_take) AS x),
              {Bound("vp_bound_collections", "vp_owned", "vp_personal", "vp_grouped")},
              vp_collected AS (
                SELECT x.c, x.id, NULL::int AS gr, false AS gd, vp_collections.r AS ir, vp_collections.d AS id_ FROM vp_collections CROSS JOIN LATERAL (
                  SELECT e."AssetCreatedAt" AS c, e."AssetId" AS id FROM collection_entries AS e {Probe("e.\"AssetId\"", " AND a.\"InheritsAccess\"")}
                  WHERE p_shared AND e."CollectionId" = vp_collections.id
                    AND {After("e.\"AssetCreatedAt\"", "e.\"AssetId\"")}
                    AND e."AssetCreatedAt" >= COALESCE((SELECT c FROM vp_bound_collections), '-infinity')
                  ORDER BY e."AssetCreatedAt" DESC, e."AssetId" DESC LIMIT p_take) AS x),
              {Page("vp_owned", "vp_personal", "vp_grouped", "vp_collected")}
              {Projection}
            END
            $fn$;
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CreateFunction);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS mv_visible_page(uuid, timestamptz, integer, boolean, boolean, boolean, boolean, text, text, text, timestamptz, uuid);");
        }
    }
}
