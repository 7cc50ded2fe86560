using MediaVault.Domain.Activity;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Owners;
using MediaVault.Domain.Users;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Infrastructure.Persistence;
using MediaVault.Integration.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Integration.Tests.Persistence;

/// <summary>
/// The quota reservation that rides at the end of the asset's save on PostgreSQL (ADR-086), driven through the ledger
/// directly: a reservation that no longer fits stores nothing of the save, and a save too large to be one command is
/// refused before anything is sent. Over HTTP, <c>RaceTests</c> and <c>StatementCountTests</c> cover the same path.
/// </summary>
public sealed class ReservationRideTests
{
    private const long Size = 1_000;

    private MediaVaultApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await MediaVaultApi.StartAsync(DatabaseProvider.Postgres);

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [Test]
    public async Task TrySaveWith_WhenAnotherUploadTookTheLastBytesAfterTheOwnerWasRead_AnswersFalseAndStoresNothingOfTheSave()
    {
        var ownerId = await _api.OwnerWithQuotaAsync(Size);
        var (holder, asset) = await RegisterAsync(ownerId);

        // Another upload reserves the same last bytes first, through the ledger's own UPDATE.
        var rival = await _api.OwnerStateAsync(ownerId);
        rival.Reserve(Size, DateTimeOffset.UtcNow);
        (await _api.WithDbAsync(db => new StorageLedger(db).TryApplyAsync(rival, CancellationToken.None))).ShouldBeTrue();

        var saved = await _api.WithDbAsync(db =>
            new StorageLedger(db).TrySaveWithAsync(holder, async ct => { db.Assets.Add(asset); await db.SaveChangesAsync(ct); }, CancellationToken.None));

        saved.ShouldBeFalse();
        (await _api.OwnerStateAsync(ownerId)).StorageReservedBytes.ShouldBe(Size);
        (await _api.WithDbAsync(db => db.Assets.CountAsync(a => a.OwnerId == ownerId))).ShouldBe(0);
        (await _api.WithDbAsync(db => db.Activity.CountAsync(e => e.ActorId == ownerId))).ShouldBe(0);
    }

    [Test]
    public async Task TrySaveWith_WhenTheReservationFits_StoresTheSaveAndTheReservationTogether()
    {
        var ownerId = await _api.OwnerWithQuotaAsync(Size);
        var (holder, asset) = await RegisterAsync(ownerId);

        var saved = await _api.WithDbAsync(db =>
            new StorageLedger(db).TrySaveWithAsync(holder, async ct => { db.Assets.Add(asset); await db.SaveChangesAsync(ct); }, CancellationToken.None));

        saved.ShouldBeTrue();
        holder.DomainEvents.ShouldBeEmpty();
        (await _api.OwnerStateAsync(ownerId)).StorageReservedBytes.ShouldBe(Size);
        (await _api.WithDbAsync(db => db.Assets.CountAsync(a => a.OwnerId == ownerId))).ShouldBe(1);
    }

    [Test]
    public async Task TrySaveWith_ASaveOfMoreRowsThanOneCommandSurelyHolds_IsRefusedBeforeAnythingIsSent()
    {
        var ownerId = await _api.OwnerWithQuotaAsync(Size);
        var (holder, asset) = await RegisterAsync(ownerId);

        await Should.ThrowAsync<InvalidOperationException>(() => _api.WithDbAsync(db =>
            new StorageLedger(db).TrySaveWithAsync(
                holder,
                async ct =>
                {
                    db.Assets.Add(asset);
                    for (var i = 0; i < ReservationRide.MaxRows; i++)
                    {
                        db.Activity.Add(ActivityEntry.Record(asset.Id, ownerId, "test.filler", "{}", DateTimeOffset.UtcNow));
                    }

                    await db.SaveChangesAsync(ct);
                },
                CancellationToken.None)));

        (await _api.OwnerStateAsync(ownerId)).StorageReservedBytes.ShouldBe(0);
        (await _api.WithDbAsync(db => db.Assets.CountAsync(a => a.OwnerId == ownerId))).ShouldBe(0);
        (await _api.WithDbAsync(db => db.Activity.CountAsync(e => e.ActorId == ownerId))).ShouldBe(0);
    }

    // The owner as a handler reads it (untracked), and a pending asset whose registration reserved its size on it.
    private async Task<(Owner Holder, Asset Asset)> RegisterAsync(UserId ownerId)
    {
        var holder = await _api.OwnerStateAsync(ownerId);
        var now = DateTimeOffset.UtcNow;
        var asset = Asset.Register(
            holder, FileName.Create("a.png"), ContentType.Create("image/png"), Size, 10 * Size, null, "t", null, [], now.AddMinutes(15), now);
        return (holder, asset);
    }
}
