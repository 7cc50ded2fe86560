using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MediaVault.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class GrantArmsCoverTheirState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_share_grants_GranteeId_keyset",
                table: "share_grants");

            migrationBuilder.DropIndex(
                name: "IX_share_grants_GroupId_keyset",
                table: "share_grants");

            migrationBuilder.CreateIndex(
                name: "IX_share_grants_GranteeId_keyset",
                table: "share_grants",
                columns: new[] { "GranteeId", "AssetCreatedAt", "AssetId" },
                descending: new[] { false, true, true },
                filter: "\"RevokedAt\" IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "ExpiresAt", "Role", "AllowDownload" });

            migrationBuilder.CreateIndex(
                name: "IX_share_grants_GroupId_keyset",
                table: "share_grants",
                columns: new[] { "GroupId", "AssetCreatedAt", "AssetId" },
                descending: new[] { false, true, true },
                filter: "\"RevokedAt\" IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "ExpiresAt", "Role", "AllowDownload" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_share_grants_GranteeId_keyset",
                table: "share_grants");

            migrationBuilder.DropIndex(
                name: "IX_share_grants_GroupId_keyset",
                table: "share_grants");

            migrationBuilder.CreateIndex(
                name: "IX_share_grants_GranteeId_keyset",
                table: "share_grants",
                columns: new[] { "GranteeId", "AssetCreatedAt", "AssetId" },
                descending: new[] { false, true, true },
                filter: "\"RevokedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_share_grants_GroupId_keyset",
                table: "share_grants",
                columns: new[] { "GroupId", "AssetCreatedAt", "AssetId" },
                descending: new[] { false, true, true },
                filter: "\"RevokedAt\" IS NULL");
        }
    }
}
