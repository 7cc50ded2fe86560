using Ardalis.Specification;
using MediaVault.Application.Abstractions;
using MediaVault.Domain.Access;
using MediaVault.Domain.Assets;
using MediaVault.Domain.Common;
using MediaVault.Domain.Groups;
using MediaVault.Domain.Owners;
using MediaVault.Domain.Sharing;
using MediaVault.Domain.Users;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace MediaVault.Application.Tests.TestSupport;

/// <summary>Domain objects and port mocks the handler tests talk about, at a fixed "now".</summary>
internal static class Build
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Clock() => new(Now);

    public static Asset ReadyAsset(UserId? ownerId = null)
    {
        var owner = Owner.Open(ownerId ?? UserId.New(), 10_000_000, Now);
        var asset = PendingAsset(owner);
        asset.CompleteUpload(owner, AccessPolicy.Evaluate(asset, owner.Id, Now), 1000, "image/png", Now);
        asset.ClearDomainEvents();
        return asset;
    }

    public static Asset PendingAsset(Owner? owner = null)
    {
        owner ??= Owner.Open(UserId.New(), 10_000_000, Now);
        return Asset.Register(
            owner, FileName.Create("photo.png"), ContentType.Create("image/png"), 1000, 5_000_000, null, "Photo", null, [], Now.AddMinutes(15), Now);
    }

    /// <summary>The owner grants <paramref name="role"/> to a new person (or <paramref name="grantee"/>); returns that person.</summary>
    public static UserId Grantee(Asset asset, AccessRole role, DateTimeOffset? expiresAt = null, UserId? grantee = null, DateTimeOffset? at = null)
    {
        var person = grantee ?? UserId.New();
        var now = at ?? Now;
        asset.ShareWith(asset.OwnerId, AccessPolicy.Evaluate(asset, asset.OwnerId, now), Domain.Access.Grantee.OfPerson(person), role, true, expiresAt, now);
        asset.ClearDomainEvents();
        return person;
    }

    public static ShareLink Link(Asset asset, string tokenHash, string? passwordHash = null, int? maxDownloads = null, DateTimeOffset? expiresAt = null)
    {
        var link = ShareLink.Create(asset, asset.OwnerId, AccessPolicy.Evaluate(asset, asset.OwnerId, Now), tokenHash, passwordHash, expiresAt, maxDownloads, Now);
        link.ClearDomainEvents();
        return link;
    }

    public static Mock<ICurrentUser> Caller(UserId? id, bool isAdmin = false)
    {
        var user = new Mock<ICurrentUser>();
        user.SetupGet(u => u.Id).Returns(id);
        user.SetupGet(u => u.IsAdmin).Returns(isAdmin);
        return user;
    }

    /// <summary>A repository whose every single-result query answers <paramref name="found"/>.</summary>
    public static Mock<TRepository> Finding<TRepository, T>(T? found)
        where TRepository : class, IReadRepositoryBase<T>
        where T : class, IAggregateRoot
    {
        var repository = new Mock<TRepository>();
        repository.Setup(r => r.FirstOrDefaultAsync(It.IsAny<ISpecification<T>>(), It.IsAny<CancellationToken>())).ReturnsAsync(found);
        return repository;
    }

    /// <summary>A group of <paramref name="owner"/> with <paramref name="admin"/> and <paramref name="member"/> in it, and no events left.</summary>
    public static Group Group(UserId owner, UserId admin, UserId member)
    {
        var group = Domain.Groups.Group.Create("Family", null, owner, Now.AddDays(-1));
        group.AddMember(owner, admin, GroupRole.Admin, Now.AddHours(-2));
        group.AddMember(owner, member, GroupRole.Member, Now.AddHours(-1));
        group.ClearDomainEvents();
        return group;
    }

    public static DirectoryUser Person(UserId? id = null, string email = "grace@example.com") => new(id ?? UserId.New(), email, "Grace");

    /// <summary>A unit of work whose transactions commit and roll back nothing.</summary>
    public static Mock<IUnitOfWork> UnitOfWork()
    {
        var unitOfWork = new Mock<IUnitOfWork>();
        unitOfWork.Setup(u => u.BeginTransactionAsync(It.IsAny<CancellationToken>())).ReturnsAsync(new Mock<IUnitOfWorkTransaction>().Object);
        return unitOfWork;
    }

    /// <summary>
    /// A storage ledger that applies every movement (or, with <paramref name="applies"/> false, refuses them); a save
    /// handed to it with the movements runs only when they apply, as the real ledger stores neither without the other.
    /// </summary>
    public static Mock<IStorageLedger> Ledger(bool applies = true)
    {
        var ledger = new Mock<IStorageLedger>();
        ledger.Setup(l => l.TryApplyAsync(It.IsAny<Owner>(), It.IsAny<CancellationToken>())).ReturnsAsync(applies);
        ledger.Setup(l => l.TrySaveWithAsync(It.IsAny<Owner>(), It.IsAny<Func<CancellationToken, Task>>(), It.IsAny<CancellationToken>()))
            .Returns(async (Owner _, Func<CancellationToken, Task> save, CancellationToken cancellationToken) =>
            {
                if (applies)
                {
                    await save(cancellationToken);
                }

                return applies;
            });
        return ledger;
    }
}
