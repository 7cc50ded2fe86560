using System.Net;
using System.Net.Sockets;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Integration.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Integration.Tests.Assets;

/// <summary>An S3 store that does not answer (nothing listens on its port): prompt 503s, never 500s or hangs.</summary>
public sealed class StorageOutageTests
{
    private MediaVaultApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        _api = await MediaVaultApi.StartAsync(DatabaseProvider.Postgres, StorageProvider.S3, new Dictionary<string, string?>
        {
            ["Storage:S3:ServiceUrl"] = $"http://127.0.0.1:{closedPort}",
        });
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [Test]
    public async Task Complete_WhenTheStoreDoesNotAnswer_Is503WithRetryAfterAndAssetStaysPending()
    {
        var owner = await _api.OwnerAsync();
        using var client = _api.ClientFor(owner.Value);
        var id = (await client.RegisterAsync("a.png", "image/png", 100)).GetProperty("asset").GetProperty("id").GetGuid();

        using var response = await client.CompleteAsync(id);

        await response.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter.ShouldNotBeNull();
        (await _api.WithDbAsync(db => db.Assets.SingleAsync(a => a.Id == new Domain.Assets.AssetId(id)))).Status.ShouldBe(Domain.Assets.AssetStatus.Pending);
    }

    [Test]
    public async Task Delete_WhenTheStoreDoesNotAnswer_StillMovesTheAssetToTheTrash()
    {
        var owner = await _api.OwnerAsync();
        var asset = await _api.AssetAsync(owner);
        using var client = _api.ClientFor(owner.Value);

        (await client.DeleteAsync(new Uri($"/api/v1/assets/{asset.Id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await client.GetAsync(new Uri($"/api/v1/assets/{asset.Id}", UriKind.Relative))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await _api.WithDbAsync(db => db.Assets.SingleAsync(a => a.Id == asset.Id))).IsTrashed.ShouldBeTrue();
        (await _api.OwnerStateAsync(owner)).StorageUsedBytes.ShouldBe(1234);
    }

    [Test]
    public async Task Purge_WhenTheStoreDoesNotAnswer_Is204AndLeavesRowAndQuotaToItsJob()
    {
        var owner = await _api.OwnerAsync();
        var asset = await _api.AssetAsync(owner);
        using var client = _api.ClientFor(owner.Value);
        (await client.DeleteAsync(new Uri($"/api/v1/assets/{asset.Id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await client.DeleteAsync(new Uri($"/api/v1/trash/{asset.Id}", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await _api.WithDbAsync(db => db.Assets.AnyAsync(a => a.Id == asset.Id))).ShouldBeTrue("the row goes only after its objects");
        (await _api.OwnerStateAsync(owner)).StorageUsedBytes.ShouldBe(1234);
        (await _api.WithDbAsync(db => db.Set<Infrastructure.Jobs.Job>().CountAsync(
            j => j.Kind == Application.Trash.TrashJobs.PurgeKind && j.Payload.Contains(asset.Id.Value.ToString()) && j.State == Infrastructure.Jobs.JobStates.Waiting)))
            .ShouldBeGreaterThanOrEqualTo(1);
    }
}
