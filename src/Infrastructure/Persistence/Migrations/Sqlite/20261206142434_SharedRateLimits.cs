using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MediaVault.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SharedRateLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "rate_limit_windows",
                columns: table => new
                {
                    partition_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    window_start = table.Column<long>(type: "INTEGER", nullable: false),
                    hits = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rate_limit_windows", x => new { x.partition_key, x.window_start });
                });

            migrationBuilder.CreateIndex(
                name: "ix_rate_limit_windows_window_start",
                table: "rate_limit_windows",
                column: "window_start");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rate_limit_windows");
        }
    }
}
