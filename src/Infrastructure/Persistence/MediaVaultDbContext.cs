using MediaVault.Application.Abstractions;
using MediaVault.Domain.Activity;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Collections;
using MediaVault.Domain.Common;
using MediaVault.Domain.Groups;
using MediaVault.Domain.Owners;
using MediaVault.Domain.Sharing;
using MediaVault.Domain.Users;
using MediaVault.Infrastructure.Identity;
using MediaVault.Infrastructure.Jobs;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace MediaVault.Infrastructure.Persistence;

/// <summary>
/// The unit of work of one request. Saving turns the domain events of every changed aggregate into activity entries in
/// the same transaction, so that no change is ever committed without its record; jobs enqueued through
/// <see cref="IJobQueue"/> are written by the same save. Each database provider has its own
/// subclass, which carries that provider's migrations.
/// </summary>
public abstract class MediaVaultDbContext(DbContextOptions options)
    : IdentityDbContext<ApplicationUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Asset> Assets => Set<Asset>();

    public DbSet<ShareGrant> Grants => Set<ShareGrant>();

    public DbSet<Owner> Owners => Set<Owner>();

    public DbSet<ShareLink> Links => Set<ShareLink>();

    public DbSet<Collection> Collections => Set<Collection>();

    public DbSet<ActivityEntry> Activity => Set<ActivityEntry>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    public DbSet<Job> Jobs => Set<Job>();

    /// <summary>
    /// A reservation to send with the next save's command (<see cref="ReservationRideInterceptor"/>, PostgreSQL only);
    /// set and cleared by <see cref="StorageLedger.TrySaveWithAsync"/> around one save.
    /// </summary>
    internal ReservationRide? RidingReservation { get; set; }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Changes are detected once, here: reading the tracker's entries (aggregates, then jobs) and saving would each
        // scan every tracked entity again. What happens in between only adds (activity lines) or detaches (duplicate
        // jobs) entries, which needs no detection.
        ChangeTracker.DetectChanges();
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var aggregates = new List<IAggregateRoot>();
            foreach (var entry in ChangeTracker.Entries<IAggregateRoot>())
            {
                if (entry.Entity.DomainEvents.Count > 0)
                {
                    aggregates.Add(entry.Entity);
                }
            }

            foreach (var aggregate in aggregates)
            {
                AddActivityOf(aggregate);
            }

            await EfJobQueue.DropDuplicatesAsync(this, cancellationToken);
            if (RidingReservation is not null)
            {
                ReservationRide.EnsureOneCommand(ChangeTracker);
            }

            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            foreach (var aggregate in aggregates)
            {
                aggregate.ClearDomainEvents();
            }

            return written;
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// <summary>Adds the activity line of each event <paramref name="aggregate"/> raised that has one (<see cref="ActivityRecorder"/>).</summary>
    internal void AddActivityOf(IAggregateRoot aggregate)
    {
        foreach (var domainEvent in aggregate.DomainEvents)
        {
            if (ActivityRecorder.ToEntry(domainEvent) is { } entry)
            {
                Activity.Add(entry);
            }
        }
    }

    /// <summary>
    /// Only for changes without domain events: ASP.NET Core Data Protection stores its keys synchronously. Aggregates
    /// are saved asynchronously, where their events become activity entries.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        ChangeTracker.Entries<IAggregateRoot>().Any(e => e.State != EntityState.Unchanged || e.Entity.DomainEvents.Count > 0)
            ? throw new NotSupportedException("Save asynchronously: SaveChangesAsync records the activity log.")
            : base.SaveChanges(acceptAllChangesOnSuccess);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(MediaVaultDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<AssetId>().HaveConversion<TypedIdConverters.AssetIdConverter>();
        configurationBuilder.Properties<UserId>().HaveConversion<TypedIdConverters.UserIdConverter>();
        configurationBuilder.Properties<GrantId>().HaveConversion<TypedIdConverters.GrantIdConverter>();
        configurationBuilder.Properties<LinkId>().HaveConversion<TypedIdConverters.LinkIdConverter>();
        configurationBuilder.Properties<GroupId>().HaveConversion<TypedIdConverters.GroupIdConverter>();
        configurationBuilder.Properties<CollectionId>().HaveConversion<TypedIdConverters.CollectionIdConverter>();
        configurationBuilder.Properties<GroupRole>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ActivityEntryId>().HaveConversion<TypedIdConverters.ActivityEntryIdConverter>();
        configurationBuilder.Properties<AssetStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<MediaKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Domain.Assets.Media.AssetIntegrity>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Domain.Assets.Media.RenditionStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Domain.Access.AccessRole>().HaveConversion<string>().HaveMaxLength(16);
    }
}
