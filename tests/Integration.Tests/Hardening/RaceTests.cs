using System.Net;
using System.Net.Http.Json;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Integration.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Integration.Tests.Hardening;

/// <summary>
/// Counters that concurrent requests race for, decided by one conditional UPDATE each (ADR-053, ADR-054): the quota
/// reservation of one owner's parallel uploads, and the failed-login allowance of one account.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public sealed class RaceTests(DatabaseProvider provider)
{
    private const int Parallel = 64;

    private MediaVaultApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await MediaVaultApi.StartAsync(provider, overrides: Mailbox.SmtpSettings());

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [Test]
    public async Task CreateAsset_SixtyFourAtOnceByOneAccountWithinTheQuota_AllSucceed()
    {
        var owner = await _api.OwnerAsync();

        var responses = await CreateInParallelAsync(owner.Value, sizeBytes: 1_000);

        foreach (var response in responses)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        }

        (await _api.OwnerStateAsync(owner)).StorageReservedBytes.ShouldBe(Parallel * 1_000);
        (await _api.WithDbAsync(db => db.Assets.CountAsync(a => a.OwnerId == owner))).ShouldBe(Parallel);
    }

    [Test]
    public async Task CreateAsset_SixtyFourAtOnceWithAQuotaForTen_TenSucceedAndTheRestAre409QuotaExceeded()
    {
        var owner = await _api.OwnerWithQuotaAsync(10 * 1_000);

        var responses = await CreateInParallelAsync(owner.Value, sizeBytes: 1_000);

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(10);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict);
            problem.GetProperty("type").GetString().ShouldEndWith("quota-exceeded");
        }

        (await _api.OwnerStateAsync(owner)).StorageReservedBytes.ShouldBe(10 * 1_000);
        (await _api.WithDbAsync(db => db.Assets.CountAsync(a => a.OwnerId == owner))).ShouldBe(10);

        // A refused reservation leaves no activity line behind either (on PostgreSQL the line was in the same batch as
        // the reservation, ADR-086).
        (await _api.WithDbAsync(db => db.Activity.CountAsync(e => e.ActorId == owner && e.Action == "asset.created"))).ShouldBe(10);
    }

    [Test]
    public async Task Login_TwentyWrongPasswordsAtOnce_EvaluateNoMoreThanTheLockoutAllowsAndLockTheAccount()
    {
        var email = Mailbox.NewAddress("parallel-guesses");
        using var client = _api.CreateClient();
        await client.SignUpAsync(email);

        var guesses = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            using var guesser = _api.CreateClient();
            return await guesser.LoginAsync(email, $"wrong guess {i}");
        }));

        guesses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Unauthorized || r.StatusCode == HttpStatusCode.TooManyRequests);
        // Five attempts are allowed; the guess that spends the fifth locks the account and answers 429 itself.
        guesses.Count(r => r.StatusCode == HttpStatusCode.Unauthorized).ShouldBeLessThanOrEqualTo(4);
        var withRightPassword = await client.LoginAsync(email);
        await withRightPassword.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        (withRightPassword.Headers.RetryAfter?.Delta ?? throw new AssertionException("Retry-After is missing."))
            .ShouldBeInRange(TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
        (await _api.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.LockoutEnd).SingleAsync()))
            .ShouldNotBeNull().ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(14));
    }

    private async Task<HttpResponseMessage[]> CreateInParallelAsync(Guid owner, long sizeBytes)
    {
        var clients = Enumerable.Range(0, Parallel).Select(_ => _api.ClientFor(owner)).ToList();
        try
        {
            return await Task.WhenAll(clients.Select((c, i) => c.PostAsJsonAsync(
                new Uri("/api/v1/assets", UriKind.Relative), new { fileName = $"folder-{i}.png", contentType = "image/png", sizeBytes })));
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }
}
