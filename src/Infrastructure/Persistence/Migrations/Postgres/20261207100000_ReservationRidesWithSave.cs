using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MediaVault.Infrastructure.Persistence.Migrations.Postgres
{
    /// <summary>
    /// A storage reservation riding with the save of the asset it belongs to (ADR-086): <c>mv_refuse_reservation()</c>
    /// raises SQLSTATE <c>MVQ01</c>, which rolls back the whole batch (the asset, its tags, its activity line). The
    /// ledger's guard (<see cref="ReservationRideInterceptor"/>) calls it only when the reservation does not fit the
    /// quota, so a reservation that fits pays no PL/pgSQL call. No change to the model.
    /// </summary>
    [DbContext(typeof(PostgresDbContext))]
    [Migration("20261207100000_ReservationRidesWithSave")]
    public partial class ReservationRidesWithSave : Migration
    {
        internal const string CreateRefusal = """
            CREATE OR REPLACE FUNCTION mv_refuse_reservation() RETURNS boolean
            LANGUAGE plpgsql VOLATILE
            AS $fn$
            BEGIN
              RAISE EXCEPTION 'The reservation does not fit the quota.' USING ERRCODE = 'MVQ01';
            END
            $fn$;
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(CreateRefusal);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS mv_refuse_reservation();");
    }
}
