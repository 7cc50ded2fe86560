using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MediaVault.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Trash : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DeletedAt",
                table: "assets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PurgeAt",
                table: "assets",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_assets_OwnerId_DeletedAt_Id",
                table: "assets",
                columns: new[] { "OwnerId", "DeletedAt", "Id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "IX_assets_PurgeAt",
                table: "assets",
                column: "PurgeAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_assets_OwnerId_DeletedAt_Id",
                table: "assets");

            migrationBuilder.DropIndex(
                name: "IX_assets_PurgeAt",
                table: "assets");

            migrationBuilder.DropColumn(
                name: "DeletedAt",
                table: "assets");

            migrationBuilder.DropColumn(
                name: "PurgeAt",
                table: "assets");
        }
    }
}
