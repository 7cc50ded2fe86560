using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MediaVault.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AccessModelV2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "GranteeId",
                table: "share_grants",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AddColumn<bool>(
                name: "AllowDownload",
                table: "share_grants",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<long>(
                name: "AssetCreatedAt",
                table: "share_grants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            // Grants made before this migration take their asset's creation instant (the lists' keyset order).
            migrationBuilder.Sql("UPDATE share_grants SET AssetCreatedAt = (SELECT a.CreatedAt FROM assets a WHERE a.Id = share_grants.AssetId);");

            migrationBuilder.AddColumn<Guid>(
                name: "GroupId",
                table: "share_grants",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "InheritsAccess",
                table: "assets",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "AssetId",
                table: "activity_entries",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AddColumn<Guid>(
                name: "CollectionId",
                table: "activity_entries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "collections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "collection_entries",
                columns: table => new
                {
                    CollectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssetCreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AddedBy = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collection_entries", x => new { x.CollectionId, x.AssetId });
                    table.ForeignKey(
                        name: "FK_collection_entries_assets_AssetId",
                        column: x => x.AssetId,
                        principalTable: "assets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_collection_entries_collections_CollectionId",
                        column: x => x.CollectionId,
                        principalTable: "collections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "collection_grants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CollectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GranteeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AllowDownload = table.Column<bool>(type: "INTEGER", nullable: false, defaultValue: true),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedBy = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collection_grants", x => x.Id);
                    table.CheckConstraint("CK_collection_grants_one_grantee", "(\"GranteeId\" IS NULL) <> (\"GroupId\" IS NULL)");
                    table.ForeignKey(
                        name: "FK_collection_grants_collections_CollectionId",
                        column: x => x.CollectionId,
                        principalTable: "collections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_collection_grants_groups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "groups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_share_grants_GranteeId_keyset",
                table: "share_grants",
                columns: new[] { "GranteeId", "AssetCreatedAt", "AssetId" },
                descending: new[] { false, true, true },
                filter: "\"RevokedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_share_grants_GroupId_AssetId",
                table: "share_grants",
                columns: new[] { "GroupId", "AssetId" },
                unique: true,
                filter: "\"RevokedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_share_grants_GroupId_keyset",
                table: "share_grants",
                columns: new[] { "GroupId", "AssetCreatedAt", "AssetId" },
                descending: new[] { false, true, true },
                filter: "\"RevokedAt\" IS NULL");

            migrationBuilder.AddCheckConstraint(
                name: "CK_share_grants_one_grantee",
                table: "share_grants",
                sql: "(\"GranteeId\" IS NULL) <> (\"GroupId\" IS NULL)");

            migrationBuilder.CreateIndex(
                name: "IX_activity_entries_CollectionId_At_Id",
                table: "activity_entries",
                columns: new[] { "CollectionId", "At", "Id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "IX_collection_entries_AssetId",
                table: "collection_entries",
                column: "AssetId");

            migrationBuilder.CreateIndex(
                name: "IX_collection_entries_keyset",
                table: "collection_entries",
                columns: new[] { "CollectionId", "AssetCreatedAt", "AssetId" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "IX_collection_grants_CollectionId_CreatedAt",
                table: "collection_grants",
                columns: new[] { "CollectionId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_collection_grants_GranteeId_CollectionId",
                table: "collection_grants",
                columns: new[] { "GranteeId", "CollectionId" },
                unique: true,
                filter: "\"RevokedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_collection_grants_GroupId_CollectionId",
                table: "collection_grants",
                columns: new[] { "GroupId", "CollectionId" },
                unique: true,
                filter: "\"RevokedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_collections_OwnerId_CreatedAt_Id",
                table: "collections",
                columns: new[] { "OwnerId", "CreatedAt", "Id" },
                descending: new[] { false, true, true });

            migrationBuilder.AddForeignKey(
                name: "FK_share_grants_groups_GroupId",
                table: "share_grants",
                column: "GroupId",
                principalTable: "groups",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_share_grants_groups_GroupId",
                table: "share_grants");

            migrationBuilder.DropTable(
                name: "collection_entries");

            migrationBuilder.DropTable(
                name: "collection_grants");

            migrationBuilder.DropTable(
                name: "collections");

            migrationBuilder.DropIndex(
                name: "IX_share_grants_GranteeId_keyset",
                table: "share_grants");

            migrationBuilder.DropIndex(
                name: "IX_share_grants_GroupId_AssetId",
                table: "share_grants");

            migrationBuilder.DropIndex(
                name: "IX_share_grants_GroupId_keyset",
                table: "share_grants");

            migrationBuilder.DropCheckConstraint(
                name: "CK_share_grants_one_grantee",
                table: "share_grants");

            migrationBuilder.DropIndex(
                name: "IX_activity_entries_CollectionId_At_Id",
                table: "activity_entries");

            migrationBuilder.DropColumn(
                name: "AllowDownload",
                table: "share_grants");

            migrationBuilder.DropColumn(
                name: "AssetCreatedAt",
                table: "share_grants");

            migrationBuilder.DropColumn(
                name: "GroupId",
                table: "share_grants");

            migrationBuilder.DropColumn(
                name: "InheritsAccess",
                table: "assets");

            migrationBuilder.DropColumn(
                name: "CollectionId",
                table: "activity_entries");

            migrationBuilder.AlterColumn<Guid>(
                name: "GranteeId",
                table: "share_grants",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "AssetId",
                table: "activity_entries",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
