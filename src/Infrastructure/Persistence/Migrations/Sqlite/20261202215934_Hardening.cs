using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MediaVault.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Hardening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Version",
                table: "owners");

            migrationBuilder.AddColumn<int>(
                name: "PasswordFailureCount",
                table: "share_links",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "PasswordFailuresSince",
                table: "share_links",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "jobs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    dedupe_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    state = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    run_after = table.Column<long>(type: "INTEGER", nullable: false),
                    lease_until = table.Column<long>(type: "INTEGER", nullable: true),
                    locked_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_jobs", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_jobs_claim",
                table: "jobs",
                columns: new[] { "kind", "state", "run_after" });

            migrationBuilder.CreateIndex(
                name: "ix_jobs_dedupe",
                table: "jobs",
                columns: new[] { "kind", "dedupe_key" });

            migrationBuilder.CreateIndex(
                name: "ix_jobs_state_updated",
                table: "jobs",
                columns: new[] { "state", "updated_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "jobs");

            migrationBuilder.DropColumn(
                name: "PasswordFailureCount",
                table: "share_links");

            migrationBuilder.DropColumn(
                name: "PasswordFailuresSince",
                table: "share_links");

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "owners",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }
    }
}
