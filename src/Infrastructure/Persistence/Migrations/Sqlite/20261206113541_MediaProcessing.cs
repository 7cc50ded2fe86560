using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MediaVault.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MediaProcessing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Integrity",
                table: "assets",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Unverified");

            migrationBuilder.AddColumn<string>(
                name: "MediaCodec",
                table: "assets",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "MediaDurationSeconds",
                table: "assets",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MediaHeight",
                table: "assets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MediaWidth",
                table: "assets",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "asset_renditions",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AssetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Width = table.Column<int>(type: "INTEGER", nullable: true),
                    Height = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_asset_renditions", x => new { x.AssetId, x.Name });
                    table.ForeignKey(
                        name: "FK_asset_renditions_assets_AssetId",
                        column: x => x.AssetId,
                        principalTable: "assets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_assets_OwnerId_Sha256",
                table: "assets",
                columns: new[] { "OwnerId", "Sha256" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "asset_renditions");

            migrationBuilder.DropIndex(
                name: "IX_assets_OwnerId_Sha256",
                table: "assets");

            migrationBuilder.DropColumn(
                name: "Integrity",
                table: "assets");

            migrationBuilder.DropColumn(
                name: "MediaCodec",
                table: "assets");

            migrationBuilder.DropColumn(
                name: "MediaDurationSeconds",
                table: "assets");

            migrationBuilder.DropColumn(
                name: "MediaHeight",
                table: "assets");

            migrationBuilder.DropColumn(
                name: "MediaWidth",
                table: "assets");
        }
    }
}
