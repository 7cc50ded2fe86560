using System.Net;
using System.Net.Http.Json;
using MediaVault.Application.Assets.PurgeAbandonedUploads;
using MediaVault.Domain.Assets;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Integration.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MediaVault.Integration.Tests.Assets;

/// <summary>Races on PostgreSQL: uploads competing for the last bytes of a quota, and several sweepers at once.</summary>
public sealed class UploadConcurrencyTests
{
    private MediaVaultApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() =>
        _api = await MediaVaultApi.StartAsync(DatabaseProvider.Postgres, StorageProvider.FileSystem, new Dictionary<string, string?>
        {
            ["Assets:SweepIntervalSeconds"] = "0",
            ["Assets:UploadGraceSeconds"] = "0",
        });

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [Test]
    public async Task Create_WhenUploadsRaceForTheLastBytesOfAQuota_NeverReservesMoreThanTheQuota()
    {
        var owner = await _api.OwnerWithQuotaAsync(10_000);
        var clients = Enumerable.Range(0, 6).Select(_ => _api.ClientFor(owner.Value)).ToList();

        var responses = await Task.WhenAll(clients.Select(c =>
            c.PostAsJsonAsync(new Uri("/api/v1/assets", UriKind.Relative), new { fileName = "race.png", contentType = "image/png", sizeBytes = 3_000 })));

        var created = responses.Count(r => r.StatusCode == HttpStatusCode.Created);
        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created || r.StatusCode == HttpStatusCode.Conflict);
        created.ShouldBeInRange(1, 3);
        var holder = await _api.OwnerStateAsync(owner);
        holder.StorageReservedBytes.ShouldBe(created * 3_000);
        (await _api.WithDbAsync(db => db.Assets.CountAsync(a => a.OwnerId == owner))).ShouldBe(created);
        foreach (var disposable in responses.Cast<IDisposable>().Concat(clients))
        {
            disposable.Dispose();
        }
    }

    [Test]
    public async Task Sweepers_RunningAtOnce_PurgeEachAbandonedUploadExactlyOnce()
    {
        var owner = await _api.OwnerAsync();
        using var client = _api.ClientFor(owner.Value);
        var ids = new List<AssetId>();
        for (var i = 0; i < 8; i++)
        {
            ids.Add(new AssetId((await client.RegisterAsync($"abandoned-{i}.png", "image/png", 1000)).GetProperty("asset").GetProperty("id").GetGuid()));
        }

        await _api.WithDbAsync(db => db.Assets.Where(a => ids.Contains(a.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.UploadExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));

        // Like the hosted sweeper: each batch in its own unit of work.
        var purged = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            var total = 0;
            int batch;
            do
            {
                await using var scope = _api.Services.CreateAsyncScope();
                var handler = scope.ServiceProvider.GetRequiredService<PurgeAbandonedUploadsHandler>();
                batch = (await handler.HandleAsync(new PurgeAbandonedUploadsCommand(BatchSize: 2), CancellationToken.None)).Value;
                total += batch;
            }
            while (batch > 0);
            return total;
        }));

        purged.Sum().ShouldBe(ids.Count);
        (await _api.WithDbAsync(db => db.Assets.CountAsync(a => ids.Contains(a.Id)))).ShouldBe(0);
        (await _api.OwnerStateAsync(owner)).StorageReservedBytes.ShouldBe(0);
        (await _api.WithDbAsync(db => db.Activity.CountAsync(e => e.AssetId != null && ids.Contains(e.AssetId.Value) && e.Action == "asset.purged"))).ShouldBe(ids.Count);
    }
}
