using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MediaVault.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ListCoveringIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_asset_tags_AssetId",
                table: "asset_tags");

            migrationBuilder.CreateIndex(
                name: "IX_asset_tags_AssetId_Id",
                table: "asset_tags",
                columns: new[] { "AssetId", "Id" })
                .Annotation("Npgsql:IndexInclude", new[] { "Tag" });

            migrationBuilder.CreateIndex(
                name: "IX_asset_renditions_AssetId",
                table: "asset_renditions",
                column: "AssetId")
                .Annotation("Npgsql:IndexInclude", new[] { "Name", "Status", "ContentType", "Width", "Height" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_asset_tags_AssetId_Id",
                table: "asset_tags");

            migrationBuilder.DropIndex(
                name: "IX_asset_renditions_AssetId",
                table: "asset_renditions");

            migrationBuilder.CreateIndex(
                name: "IX_asset_tags_AssetId",
                table: "asset_tags",
                column: "AssetId");
        }
    }
}
