using MediaVault.Domain.Access;
using MediaVault.Domain.Users;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Infrastructure.Persistence;
using MediaVault.Integration.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Integration.Tests.Persistence;

/// <summary>
/// The database's backstop for "one live grant per person and asset": two units of work that each checked and found
/// no grant cannot both commit one, and the refusal is recognised as a conflict (409), not an outage (503).
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public sealed class UniqueViolationTests(DatabaseProvider provider)
{
    private MediaVaultApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await MediaVaultApi.StartAsync(provider);

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [Test]
    public async Task SaveChanges_OfASecondLiveGrantToTheSamePerson_IsRefusedAsAConstraintViolationNotAsAnOutage()
    {
        var owner = await _api.OwnerAsync();
        var asset = await _api.AssetAsync(owner);
        var grantee = UserId.New();

        var failure = await _api.WithDbAsync(async first => await _api.WithDbAsync(async second =>
        {
            var now = DateTimeOffset.UtcNow;
            var one = await first.Assets.Include(a => a.Grants).SingleAsync(a => a.Id == asset.Id);
            var two = await second.Assets.Include(a => a.Grants).SingleAsync(a => a.Id == asset.Id);
            one.ShareWith(owner, AccessPolicy.Evaluate(one, owner, now), Grantee.OfPerson(grantee), AccessRole.Viewer, true, null, now);
            two.ShareWith(owner, AccessPolicy.Evaluate(two, owner, now), Grantee.OfPerson(grantee), AccessRole.Editor, true, null, now);
            await first.SaveChangesAsync();
            return await Should.ThrowAsync<DbUpdateException>(() => second.SaveChangesAsync());
        }));

        TransientFaults.IsConstraintViolation(failure).ShouldBeTrue(failure.ToString());
    }

    [Test]
    public void IsConstraintViolation_ForOtherFaults_IsFalse()
    {
        TransientFaults.IsConstraintViolation(new DbUpdateException("other", new InvalidOperationException())).ShouldBeFalse();
        TransientFaults.IsConstraintViolation(new TimeoutException()).ShouldBeFalse();
        TransientFaults.IsUnavailable(new TimeoutException()).ShouldBeTrue();
    }
}
