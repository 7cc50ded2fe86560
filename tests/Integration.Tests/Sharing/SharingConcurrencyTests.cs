using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MediaVault.Domain.Sharing;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Integration.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static MediaVault.Integration.Tests.Support.SeedSharing;

namespace MediaVault.Integration.Tests.Sharing;

/// <summary>
/// Races the database must settle: parallel downloads of a limited link (the limit holds exactly, each success is recorded
/// once) and parallel grants to one person (exactly one is created, the others are 409).
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public sealed class SharingConcurrencyTests(DatabaseProvider provider)
{
    private const int Racers = 8;
    private MediaVaultApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await MediaVaultApi.StartAsync(
        provider, overrides: new Dictionary<string, string?> { ["RateLimiting:PublicLinkPermitsPerMinute"] = "100000" });

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [Test]
    public async Task ParallelDownloads_OfAOneDownloadLink_ExactlyOneSucceeds()
    {
        var (linkId, download) = await LinkAsync(maxDownloads: 1);

        var statuses = await RaceAsync(client => client.PostAsync(download, null));

        statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(1, string.Join(", ", statuses));
        statuses.Count(s => s == HttpStatusCode.NotFound).ShouldBe(Racers - 1, string.Join(", ", statuses));
        (await _api.LinkAsync(linkId)).DownloadCount.ShouldBe(1);
        (await DownloadRecordsAsync(linkId)).ShouldBe([1]);
    }

    [Test]
    public async Task ParallelDownloads_OfALinkLimitedToThree_ExactlyThreeSucceedEachRecordedWithItsOwnCount()
    {
        var (linkId, download) = await LinkAsync(maxDownloads: 3);

        var statuses = await RaceAsync(client => client.PostAsync(download, null));

        statuses.Count(s => s == HttpStatusCode.OK).ShouldBe(3, string.Join(", ", statuses));
        statuses.Count(s => s == HttpStatusCode.NotFound).ShouldBe(Racers - 3, string.Join(", ", statuses));
        (await _api.LinkAsync(linkId)).DownloadCount.ShouldBe(3);
        (await DownloadRecordsAsync(linkId)).Order().ShouldBe([1, 2, 3]);
    }

    [Test]
    public async Task ParallelDownloads_OfAnUnlimitedLink_AllSucceedAndEachIsCountedOnce()
    {
        var (linkId, download) = await LinkAsync(maxDownloads: null);

        var statuses = await RaceAsync(client => client.PostAsync(download, null));

        statuses.ShouldAllBe(s => s == HttpStatusCode.OK);
        (await _api.LinkAsync(linkId)).DownloadCount.ShouldBe(Racers);
        (await DownloadRecordsAsync(linkId)).Order().ShouldBe(Enumerable.Range(1, Racers));
    }

    [Test]
    public async Task ParallelGrants_ToTheSamePerson_ExactlyOneIsCreatedAndTheOthersAre409()
    {
        var owner = await _api.AccountAsync();
        var asset = await _api.AssetAsync(owner.Id);
        var grantee = await _api.AccountAsync();
        var url = Url($"/api/v1/assets/{asset.Id}/grants");

        var statuses = await RaceAsync(
            client => client.PostAsJsonAsync(url, new { granteeEmail = grantee.Email, role = "viewer" }), owner.Value);

        statuses.Count(s => s == HttpStatusCode.Created).ShouldBe(1, string.Join(", ", statuses));
        statuses.Count(s => s == HttpStatusCode.Conflict).ShouldBe(Racers - 1, string.Join(", ", statuses));
        var live = await _api.WithDbAsync(db => db.Grants.CountAsync(g => g.AssetId == asset.Id && g.GranteeId == grantee.Id && g.RevokedAt == null));
        live.ShouldBe(1);
        (await _api.ActivityAsync(asset.Id)).Count(e => e.Action == "grant.created").ShouldBe(1);
    }

    private async Task<(LinkId Id, Uri Download)> LinkAsync(int? maxDownloads)
    {
        var owner = await _api.AccountAsync();
        var asset = await _api.AssetAsync(owner.Id);
        using var client = _api.ClientFor(owner.Value);
        var link = await client.CreateLinkAsync(asset.Id, new { maxDownloads });
        return (new LinkId(link.GetProperty("id").GetGuid()), Url($"/api/v1/public/links/{link.GetProperty("token").GetString()}/download"));
    }

    /// <summary>Sends <see cref="Racers"/> requests at once, each on its own client, released together; returns the statuses.</summary>
    private async Task<HttpStatusCode[]> RaceAsync(Func<HttpClient, Task<HttpResponseMessage>> send, Guid? user = null)
    {
        var clients = Enumerable.Range(0, Racers).Select(_ => user is { } id ? _api.ClientFor(id) : _api.CreateClient()).ToList();
        try
        {
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var racing = clients.Select(async client =>
            {
                await start.Task;
                using var response = await send(client);
                if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Created))
                {
                    await response.ShouldBeProblemAsync(response.StatusCode);
                }

                return response.StatusCode;
            }).ToList();
            start.SetResult();
            return await Task.WhenAll(racing);
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    private async Task<List<int>> DownloadRecordsAsync(LinkId linkId)
    {
        var entries = await _api.WithDbAsync(db => db.Activity.AsNoTracking().Where(e => e.Action == "link.downloaded").ToListAsync());
        return [.. entries
            .Select(e => JsonDocument.Parse(e.Details).RootElement)
            .Where(d => d.GetProperty("linkId").GetGuid() == linkId.Value)
            .Select(d => d.GetProperty("downloadCount").GetInt32())];
    }
}
