using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MediaVault.Infrastructure.Persistence.Migrations.Postgres
{
    /// <summary>
    /// The access token's account check riding with the request's first statement (ADR-084):
    /// <c>mv_refuse_token()</c> raises SQLSTATE 28000, which aborts every later statement of the same batch; the check
    /// (<see cref="Identity.AccountCheckInterceptor"/>) calls it only when the account is gone, disabled or has another
    /// security stamp than the token's claim, so a current token pays no PL/pgSQL call.
    /// <c>mv_visible_page</c> is replaced by the same function that switches its group and collection arms off itself
    /// when the person is in no group (and holds no collection grant): a page whose account check rides with it is
    /// built before the reach is known.
    /// </summary>
    public partial class SubjectCheckInFirstStatement : Migration
    {
        internal const string CreateRefusal = """
            CREATE OR REPLACE FUNCTION mv_refuse_token() RETURNS boolean
            LANGUAGE plpgsql VOLATILE
            AS $fn$
            BEGIN
              RAISE EXCEPTION 'The access token is not current.' USING ERRCODE = '28000';
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
            migrationBuilder.Sql(CreateRefusal);
            migrationBuilder.Sql(CreatePageFunction);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(VisiblePageFunction.CreateFunction);
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS mv_refuse_token();");
        }
    }
}
