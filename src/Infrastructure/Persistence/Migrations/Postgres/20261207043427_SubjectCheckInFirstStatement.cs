using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MediaVault.Infrastructure.Persistence.Migrations.Postgres
{
    /// <summary>
    /// The access token's account check as a function the request's first statement can carry (ADR-084):
    /// <c>mv_require_subject(id, claim)</c> raises SQLSTATE 28000 when the account is gone, disabled or has another
    /// security stamp than the token's claim (the claim is the stamp's SHA-256 in base64url, as
    /// <see cref="Identity.SecurityStampClaim"/> writes it), which aborts every later statement of the same batch; else it
    /// answers the caller's reach, as <see cref="Identity.AccessTokenSubjectCheck"/> reads it.
    /// <c>mv_visible_page</c> is replaced by the same function that switches its group and collection arms off itself
    /// when the person is in no group (and holds no collection grant): a page whose account check rides with it is
    /// built before the reach is known.
    /// </summary>
    public partial class SubjectCheckInFirstStatement : Migration
    {
        internal const string CreateSubjectFunction = """
            CREATE OR REPLACE FUNCTION mv_require_subject(p_id uuid, p_claim text)
            RETURNS TABLE ("InAnyGroup" boolean, "HoldsCollectionGrant" boolean)
            LANGUAGE plpgsql STABLE
            AS $fn$
            DECLARE
              v_disabled boolean;
              v_stamp text;
            BEGIN
              SELECT u."IsDisabled", u."SecurityStamp" INTO v_disabled, v_stamp FROM "AspNetUsers" AS u WHERE u."Id" = p_id;
              IF NOT FOUND OR v_disabled OR v_stamp IS NULL OR v_stamp = '' OR p_claim IS NULL
                 OR p_claim <> rtrim(translate(encode(sha256(convert_to(v_stamp, 'UTF8')), 'base64'), '+/', '-_'), '=') THEN
                RAISE EXCEPTION 'The access token is not current.' USING ERRCODE = '28000';
              END IF;
              RETURN QUERY SELECT
                EXISTS (SELECT 1 FROM group_members AS m WHERE m."UserId" = p_id),
                EXISTS (SELECT 1 FROM collection_grants AS g WHERE g."GranteeId" = p_id AND g."RevokedAt" IS NULL);
            END
            $fn$;
            """;

        /// <summary>What the page asks for, narrowed to the arms that can find anything for the person.</summary>
        private const string ReachPrelude = """

            BEGIN
              -- The group arm only for a member of a group; the collection arm only for a member of a group or the holder
              -- of a collection grant (the reach of ADR-079, read here when the caller's check rides with this statement).
              p_collections := p_collections AND (EXISTS (SELECT 1 FROM group_members AS m WHERE m."UserId" = p_person)
                OR EXISTS (SELECT 1 FROM collection_grants AS g WHERE g."GranteeId" = p_person AND g."RevokedAt" IS NULL));
              p_groups := p_groups AND EXISTS (SELECT 1 FROM group_members AS m WHERE m."UserId" = p_person);

            """;

        internal static readonly string CreatePageFunction = WithReachPrelude(VisiblePageFunction.CreateFunction);

        private static string WithReachPrelude(string function)
        {
            var at = function.IndexOf("\nBEGIN\n", StringComparison.Ordinal);
            if (at < 0 || function.IndexOf("\nBEGIN\n", at + 1, StringComparison.Ordinal) >= 0)
            {
                throw new InvalidOperationException("mv_visible_page must have exactly one BEGIN.");
            }

            return string.Concat(function.AsSpan(0, at), ReachPrelude, function.AsSpan(at + "\nBEGIN\n".Length));
        }

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(CreateSubjectFunction);
            migrationBuilder.Sql(CreatePageFunction);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(VisiblePageFunction.CreateFunction);
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS mv_require_subject(uuid, text);");
        }
    }
}
