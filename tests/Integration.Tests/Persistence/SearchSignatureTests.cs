using System.Net.Http.Json;
using MediaVault.Domain.Access;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Integration.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static MediaVault.Integration.Tests.Support.SeedSharing;

namespace MediaVault.Integration.Tests.Persistence;

/// <summary>
/// The search signatures of ADR-087 on PostgreSQL (migration <c>SearchSignatures</c>): every grant and collection entry
/// carries its asset's signature, whatever order a text change and a new grant or entry commit in, and the arms'
/// indexes carry it, so that a row the search skips costs one index tuple. <c>SearchThroughEveryPathTests</c> covers
/// the same rules over HTTP on both databases.
/// </summary>
public sealed class SearchSignatureTests
{
    private MediaVaultApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await MediaVaultApi.StartAsync(DatabaseProvider.Postgres);

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [TestCase("IX_share_grants_GranteeId_keyset")]
    [TestCase("IX_share_grants_GroupId_keyset")]
    [TestCase("IX_collection_entries_keyset")]
    public async Task ArmIndex_CarriesTheSearchSignature(string index)
    {
        var definition = await _api.WithDbAsync(db => db.Database
            .SqlQueryRaw<string>("SELECT indexdef AS \"Value\" FROM pg_indexes WHERE indexname = {0}", index).SingleAsync());

        definition.ShouldContain("INCLUDE (");
        definition.ShouldContain("\"SearchSigA\"");
        definition.ShouldContain("\"SearchSigB\"");
        definition.ShouldContain("\"SearchSigC\"");
        definition.ShouldContain("\"SearchSigD\"");
    }

    [Test]
    public async Task Signatures_WhenTitlesChangeWhileGrantsAndEntriesAreAdded_MatchTheirAssetsAfterwards()
    {
        var owner = await _api.OwnerAsync();
        var assets = new List<Domain.Assets.AssetId>();
        for (var i = 0; i < 8; i++)
        {
            assets.Add((await _api.AssetAsync(owner, title: $"Before {i}")).Id);
        }

        var grantees = new List<Domain.Users.UserId>();
        for (var i = 0; i < 4; i++)
        {
            grantees.Add(await _api.OwnerAsync());
        }

        using var client = _api.ClientFor(owner.Value);
        var work = new List<Task>();
        foreach (var asset in assets)
        {
            for (var round = 0; round < 4; round++)
            {
                var title = $"After {asset} round {round}";
                var grantee = grantees[round];
                work.Add(Task.Run(async () =>
                    await (await client.PatchAsJsonAsync(Url($"/api/v1/assets/{asset}"), new { title })).ShouldBeJsonAsync()));
                work.Add(Task.Run(() => _api.ShareAsync(asset, Grantee.OfPerson(grantee), AccessRole.Viewer)));
            }

            work.Add(Task.Run(() => _api.CollectionAsync(owner, [asset], Grantee.OfPerson(grantees[0]), AccessRole.Viewer)));
        }

        await Task.WhenAll(work);

        var copies = await _api.WithDbAsync(db => db.Database.SqlQueryRaw<int>("""
            SELECT count(*)::int AS "Value" FROM (
              SELECT g."SearchSigA", g."SearchSigB", g."SearchSigC", g."SearchSigD", g."AssetId" FROM share_grants AS g
              UNION ALL SELECT e."SearchSigA", e."SearchSigB", e."SearchSigC", e."SearchSigD", e."AssetId" FROM collection_entries AS e) AS c
            JOIN assets AS a ON a."Id" = c."AssetId" WHERE a."OwnerId" = {0}
            """, owner.Value).SingleAsync());
        var stale = await _api.WithDbAsync(db => db.Database.SqlQueryRaw<int>("""
            SELECT count(*)::int AS "Value" FROM (
              SELECT g."SearchSigA", g."SearchSigB", g."SearchSigC", g."SearchSigD", g."AssetId" FROM share_grants AS g
              UNION ALL SELECT e."SearchSigA", e."SearchSigB", e."SearchSigC", e."SearchSigD", e."AssetId" FROM collection_entries AS e) AS c
            JOIN assets AS a ON a."Id" = c."AssetId"
            CROSS JOIN LATERAL mv_search_signature(a."Title", a."Description", a."FileName") AS s
            WHERE a."OwnerId" = {0} AND (c."SearchSigA", c."SearchSigB", c."SearchSigC", c."SearchSigD") IS DISTINCT FROM (s.a, s.b, s.c, s.d)
            """, owner.Value).SingleAsync());

        copies.ShouldBe(assets.Count * 5);
        stale.ShouldBe(0);
    }
}
