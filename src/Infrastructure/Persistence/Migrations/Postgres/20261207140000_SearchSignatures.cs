using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MediaVault.Infrastructure.Persistence.Migrations.Postgres
{
    /// <summary>
    /// A signature of each asset's searchable text on the rows the list's arms walk (ADR-087): a 256-bit Bloom filter of
    /// the three-character substrings of the lower-cased title, description and file name, as four <c>bigint</c> columns
    /// (<c>SearchSigA</c> to <c>SearchSigD</c>) on <c>share_grants</c> and <c>collection_entries</c>, carried in the arms'
    /// keyset indexes. <c>mv_visible_page</c> skips an arm row whose signature lacks a bit of the needle's
    /// before it probes the asset, so a search probes the matches and the rare false positive instead of every row it
    /// reads. It stays exact: the probe still compares the text, and a needle of fewer than three characters has no bit
    /// and lets every row through.
    /// <list type="bullet">
    /// <item>A grant or entry gets its asset's signature when it is inserted; a change of the asset's title, description or
    /// file name recomputes it on the asset's grants and entries. Creating an asset computes nothing: most assets are
    /// never shared.</item>
    /// <item>A transaction-scoped advisory lock on the asset (shared for an insert, exclusive for a text change) orders the
    /// two, so that neither misses the other.</item>
    /// <item>PostgreSQL only, and not in the EF Core model: no entity reads or writes the columns. The three indexes keep
    /// their names and model definitions, with the four columns added to their <c>INCLUDE</c>;
    /// <c>SearchSignatureTests</c> fails if a later migration drops them.</item>
    /// </list>
    /// </summary>
    [DbContext(typeof(PostgresDbContext))]
    [Migration("20261207140000_SearchSignatures")]
    public partial class SearchSignatures : Migration
    {
        /// <summary>The first number of every advisory lock this migration takes (the second is the asset's).</summary>
        private const string LockClass = "1297503047"; // 0x4D565347, "MVSG"

        internal const string CreateFunctions = $"""
            CREATE OR REPLACE FUNCTION mv_trigram_bits(p_text text, OUT a bigint, OUT b bigint, OUT c bigint, OUT d bigint)
            LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
            AS $fn$
            DECLARE
              t text[] := string_to_array(p_text, NULL);
              h integer;
              g integer;
              piece bigint;
            BEGIN
              a := 0;
              b := 0;
              c := 0;
              d := 0;
              FOR i IN 1 .. cardinality(t) - 2 LOOP
                h := hashtext(t[i] || t[i + 1] || t[i + 2]);
                -- Two of the 256 bits per piece: bits 0-7 and 9-16 of its hash.
                FOR j IN 0 .. 1 LOOP
                  g := h >> (j * 9);
                  piece := 1::bigint << (g & 63);
                  CASE (g >> 6) & 3
                    WHEN 0 THEN a := a | piece;
                    WHEN 1 THEN b := b | piece;
                    WHEN 2 THEN c := c | piece;
                    ELSE d := d | piece;
                  END CASE;
                END LOOP;
              END LOOP;
            END
            $fn$;

            CREATE OR REPLACE FUNCTION mv_search_signature(p_title text, p_description text, p_file_name text,
              OUT a bigint, OUT b bigint, OUT c bigint, OUT d bigint)
            LANGUAGE sql IMMUTABLE PARALLEL SAFE
            AS $fn$
              SELECT s.a, s.b, s.c, s.d FROM mv_trigram_bits(lower(concat_ws(E'\n', p_title, p_description, p_file_name))) AS s
            $fn$;

            CREATE OR REPLACE FUNCTION mv_asset_search_signature_spread() RETURNS trigger
            LANGUAGE plpgsql
            AS $fn$
            BEGIN
              PERFORM pg_advisory_xact_lock({LockClass}, hashtext(NEW."Id"::text));
              -- Only this asset's grants and entries (a few rows for most assets); nothing is computed when it has none.
              UPDATE share_grants SET ("SearchSigA", "SearchSigB", "SearchSigC", "SearchSigD") =
                (SELECT s.a, s.b, s.c, s.d FROM mv_search_signature(NEW."Title", NEW."Description", NEW."FileName") AS s)
                WHERE "AssetId" = NEW."Id";
              UPDATE collection_entries SET ("SearchSigA", "SearchSigB", "SearchSigC", "SearchSigD") =
                (SELECT s.a, s.b, s.c, s.d FROM mv_search_signature(NEW."Title", NEW."Description", NEW."FileName") AS s)
                WHERE "AssetId" = NEW."Id";
              RETURN NULL;
            END
            $fn$;

            CREATE OR REPLACE FUNCTION mv_copy_search_signature() RETURNS trigger
            LANGUAGE plpgsql
            AS $fn$
            BEGIN
              PERFORM pg_advisory_xact_lock_shared({LockClass}, hashtext(NEW."AssetId"::text));
              SELECT s.a, s.b, s.c, s.d INTO NEW."SearchSigA", NEW."SearchSigB", NEW."SearchSigC", NEW."SearchSigD"
                FROM assets AS a CROSS JOIN LATERAL mv_search_signature(a."Title", a."Description", a."FileName") AS s
                WHERE a."Id" = NEW."AssetId";
              -- No asset: the foreign key refuses the row after this trigger, with its own error.
              NEW."SearchSigA" := COALESCE(NEW."SearchSigA", 0);
              NEW."SearchSigB" := COALESCE(NEW."SearchSigB", 0);
              NEW."SearchSigC" := COALESCE(NEW."SearchSigC", 0);
              NEW."SearchSigD" := COALESCE(NEW."SearchSigD", 0);
              RETURN NEW;
            END
            $fn$;
            """;

        private const string AddColumns = """
            ALTER TABLE share_grants ADD COLUMN "SearchSigA" bigint NOT NULL DEFAULT 0, ADD COLUMN "SearchSigB" bigint NOT NULL DEFAULT 0,
              ADD COLUMN "SearchSigC" bigint NOT NULL DEFAULT 0, ADD COLUMN "SearchSigD" bigint NOT NULL DEFAULT 0;
            ALTER TABLE collection_entries ADD COLUMN "SearchSigA" bigint NOT NULL DEFAULT 0, ADD COLUMN "SearchSigB" bigint NOT NULL DEFAULT 0,
              ADD COLUMN "SearchSigC" bigint NOT NULL DEFAULT 0, ADD COLUMN "SearchSigD" bigint NOT NULL DEFAULT 0;

            -- Each shared or collected asset's signature once, then copied to its grants and entries.
            CREATE TEMP TABLE mv_signatures AS
              SELECT a."Id", s.a, s.b, s.c, s.d
              FROM assets AS a CROSS JOIN LATERAL mv_search_signature(a."Title", a."Description", a."FileName") AS s
              WHERE EXISTS (SELECT 1 FROM share_grants AS g WHERE g."AssetId" = a."Id")
                 OR EXISTS (SELECT 1 FROM collection_entries AS e WHERE e."AssetId" = a."Id");
            UPDATE share_grants AS g SET ("SearchSigA", "SearchSigB", "SearchSigC", "SearchSigD") = (s.a, s.b, s.c, s.d)
              FROM mv_signatures AS s WHERE s."Id" = g."AssetId";
            UPDATE collection_entries AS e SET ("SearchSigA", "SearchSigB", "SearchSigC", "SearchSigD") = (s.a, s.b, s.c, s.d)
              FROM mv_signatures AS s WHERE s."Id" = e."AssetId";
            DROP TABLE mv_signatures;

            CREATE TRIGGER mv_asset_search_signature_spread AFTER UPDATE OF "Title", "Description", "FileName" ON assets
              FOR EACH ROW WHEN ((OLD."Title", OLD."Description", OLD."FileName") IS DISTINCT FROM (NEW."Title", NEW."Description", NEW."FileName"))
              EXECUTE FUNCTION mv_asset_search_signature_spread();
            CREATE TRIGGER mv_copy_search_signature BEFORE INSERT ON share_grants
              FOR EACH ROW EXECUTE FUNCTION mv_copy_search_signature();
            CREATE TRIGGER mv_copy_search_signature BEFORE INSERT ON collection_entries
              FOR EACH ROW EXECUTE FUNCTION mv_copy_search_signature();
            """;

        private const string CoveringIndexes = """
            DROP INDEX "IX_share_grants_GranteeId_keyset";
            CREATE INDEX "IX_share_grants_GranteeId_keyset" ON share_grants ("GranteeId", "AssetCreatedAt" DESC, "AssetId" DESC)
              INCLUDE ("ExpiresAt", "Role", "AllowDownload", "SearchSigA", "SearchSigB", "SearchSigC", "SearchSigD") WHERE "RevokedAt" IS NULL;
            DROP INDEX "IX_share_grants_GroupId_keyset";
            CREATE INDEX "IX_share_grants_GroupId_keyset" ON share_grants ("GroupId", "AssetCreatedAt" DESC, "AssetId" DESC)
              INCLUDE ("ExpiresAt", "Role", "AllowDownload", "SearchSigA", "SearchSigB", "SearchSigC", "SearchSigD") WHERE "RevokedAt" IS NULL;
            DROP INDEX "IX_collection_entries_keyset";
            CREATE INDEX "IX_collection_entries_keyset" ON collection_entries ("CollectionId", "AssetCreatedAt" DESC, "AssetId" DESC)
              INCLUDE ("SearchSigA", "SearchSigB", "SearchSigC", "SearchSigD");
            """;

        private const string DropAll = """
            DROP TRIGGER IF EXISTS mv_copy_search_signature ON collection_entries;
            DROP TRIGGER IF EXISTS mv_copy_search_signature ON share_grants;
            DROP TRIGGER IF EXISTS mv_asset_search_signature_spread ON assets;
            DROP INDEX "IX_share_grants_GranteeId_keyset";
            CREATE INDEX "IX_share_grants_GranteeId_keyset" ON share_grants ("GranteeId", "AssetCreatedAt" DESC, "AssetId" DESC)
              INCLUDE ("ExpiresAt", "Role", "AllowDownload") WHERE "RevokedAt" IS NULL;
            DROP INDEX "IX_share_grants_GroupId_keyset";
            CREATE INDEX "IX_share_grants_GroupId_keyset" ON share_grants ("GroupId", "AssetCreatedAt" DESC, "AssetId" DESC)
              INCLUDE ("ExpiresAt", "Role", "AllowDownload") WHERE "RevokedAt" IS NULL;
            DROP INDEX "IX_collection_entries_keyset";
            CREATE INDEX "IX_collection_entries_keyset" ON collection_entries ("CollectionId", "AssetCreatedAt" DESC, "AssetId" DESC);
            ALTER TABLE collection_entries DROP COLUMN "SearchSigA", DROP COLUMN "SearchSigB", DROP COLUMN "SearchSigC", DROP COLUMN "SearchSigD";
            ALTER TABLE share_grants DROP COLUMN "SearchSigA", DROP COLUMN "SearchSigB", DROP COLUMN "SearchSigC", DROP COLUMN "SearchSigD";
            DROP FUNCTION IF EXISTS mv_copy_search_signature();
            DROP FUNCTION IF EXISTS mv_asset_search_signature_spread();
            DROP FUNCTION IF EXISTS mv_search_signature(text, text, text);
            DROP FUNCTION IF EXISTS mv_trigram_bits(text);
            """;

        /// <summary>The needle's two halves, computed once per call before any arm runs.</summary>
        private const string NeedleBits = """
              v_before timestamptz := COALESCE(p_after_at, 'infinity');
              v_sig_a bigint := COALESCE((mv_trigram_bits(p_needle)).a, 0);
              v_sig_b bigint := COALESCE((mv_trigram_bits(p_needle)).b, 0);
              v_sig_c bigint := COALESCE((mv_trigram_bits(p_needle)).c, 0);
              v_sig_d bigint := COALESCE((mv_trigram_bits(p_needle)).d, 0);
              v_any_row boolean := v_sig_a = 0 AND v_sig_b = 0 AND v_sig_c = 0 AND v_sig_d = 0;
            """;

        /// <summary>
        /// The arm row aliased <paramref name="row"/> may hold the needle: its signature has every bit of the needle's. Without
        /// a needle (or one too short to have a piece), one test of a variable per row.
        /// </summary>
        private static string MayMatch(string row) =>
            $"""(v_any_row OR (({row}."SearchSigA" & v_sig_a) = v_sig_a AND ({row}."SearchSigB" & v_sig_b) = v_sig_b AND ({row}."SearchSigC" & v_sig_c) = v_sig_c AND ({row}."SearchSigD" & v_sig_d) = v_sig_d)) AND """;

        internal static readonly string CreatePageFunction = WithSignatureChecks(SubjectCheckInFirstStatement.CreatePageFunction);

        /// <summary>The page function of <see cref="SubjectCheckInFirstStatement"/> whose grant and entry arms check the signature first.</summary>
        private static string WithSignatureChecks(string function)
        {
            function = Splice(function, "  v_before timestamptz := COALESCE(p_after_at, 'infinity');\n", NeedleBits + "\n", 1);
            function = Splice(function, "WHERE p_shared AND g.\"GranteeId\" = p_person AND ",
                "WHERE p_shared AND g.\"GranteeId\" = p_person AND " + MayMatch("g"), 2);
            function = Splice(function, "WHERE p_shared AND g.\"GroupId\" = vp_groups.id AND ",
                "WHERE p_shared AND g.\"GroupId\" = vp_groups.id AND " + MayMatch("g"), 1);
            return Splice(function, "WHERE p_shared AND e.\"CollectionId\" = vp_collections.id\n",
                "WHERE p_shared AND " + MayMatch("e") + "e.\"CollectionId\" = vp_collections.id\n", 1);
        }

        private static string Splice(string text, string what, string with, int times)
        {
            var found = 0;
            for (var at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal))
            {
                found++;
            }

            if (found != times)
            {
                throw new InvalidOperationException($"mv_visible_page holds '{what.Trim()}' {found} times, not {times}.");
            }

            return text.Replace(what, with, StringComparison.Ordinal);
        }

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CreateFunctions);
            migrationBuilder.Sql(AddColumns);
            migrationBuilder.Sql(CoveringIndexes);
            migrationBuilder.Sql(CreatePageFunction);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SubjectCheckInFirstStatement.CreatePageFunction);
            migrationBuilder.Sql(DropAll);
        }
    }
}
