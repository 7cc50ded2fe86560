using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MediaVault.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DropUploads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "DropLinkId",
                table: "assets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DropUploadHash",
                table: "assets",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_assets_DropUploadHash",
                table: "assets",
                column: "DropUploadHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_assets_DropUploadHash",
                table: "assets");

            migrationBuilder.DropColumn(
                name: "DropLinkId",
                table: "assets");

            migrationBuilder.DropColumn(
                name: "DropUploadHash",
                table: "assets");
        }
    }
}
