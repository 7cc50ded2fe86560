using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MediaVault.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CollectionLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "AssetId",
                table: "share_links",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<bool>(
                name: "AllowDownload",
                table: "share_links",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CollectionId",
                table: "share_links",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "share_links",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "MaxUploads",
                table: "share_links",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UploadCount",
                table: "share_links",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_share_links_CollectionId_CreatedAt",
                table: "share_links",
                columns: new[] { "CollectionId", "CreatedAt" });

            migrationBuilder.AddCheckConstraint(
                name: "CK_share_links_one_target",
                table: "share_links",
                sql: "(\"AssetId\" IS NULL) <> (\"CollectionId\" IS NULL)");

            migrationBuilder.AddForeignKey(
                name: "FK_share_links_collections_CollectionId",
                table: "share_links",
                column: "CollectionId",
                principalTable: "collections",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_share_links_collections_CollectionId",
                table: "share_links");

            migrationBuilder.DropIndex(
                name: "IX_share_links_CollectionId_CreatedAt",
                table: "share_links");

            migrationBuilder.DropCheckConstraint(
                name: "CK_share_links_one_target",
                table: "share_links");

            migrationBuilder.DropColumn(
                name: "AllowDownload",
                table: "share_links");

            migrationBuilder.DropColumn(
                name: "CollectionId",
                table: "share_links");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "share_links");

            migrationBuilder.DropColumn(
                name: "MaxUploads",
                table: "share_links");

            migrationBuilder.DropColumn(
                name: "UploadCount",
                table: "share_links");

            migrationBuilder.AlterColumn<Guid>(
                name: "AssetId",
                table: "share_links",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
