using Ardalis.Result;
using Ardalis.Specification;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Activity.ListActivity;
using MediaVault.Application.Tests.TestSupport;
using MediaVault.Domain.Access;
using MediaVault.Domain.Activity;
using MediaVault.Domain.Assets;
using Moq;

namespace MediaVault.Application.Tests.Activity;

public sealed class ListActivityHandlerTests
{
    private readonly Mock<IReadRepository<ActivityEntry>> _activity = new();

    [Test]
    public async Task List_ForOwner_GivesEntriesAndACursorWhenMoreFollow()
    {
        var asset = Build.ReadyAsset();
        var entries = Enumerable.Range(0, 3)
            .Select(i => ActivityEntry.Record(asset.Id, asset.OwnerId, "grant.created", "{}", Build.Now.AddMinutes(-i)))
            .ToList();
        _activity.Setup(a => a.ListAsync(It.IsAny<ISpecification<ActivityEntry>>(), It.IsAny<CancellationToken>())).ReturnsAsync(entries);

        var result = await Handler(asset, asset.OwnerId.Value).HandleAsync(new ListActivityQuery(asset.Id.Value, 2), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Value.Items.Select(e => e.Id).ShouldBe([entries[0].Id.Value, entries[1].Id.Value]);
        result.Value.NextCursor.ShouldNotBeNull();
    }

    [TestCase(AccessRole.Editor)]
    [TestCase(AccessRole.Viewer)]
    public async Task List_ForEditorOrViewer_IsForbidden(AccessRole role)
    {
        var asset = Build.ReadyAsset();
        var grantee = Build.Grantee(asset, role);

        var result = await Handler(asset, grantee.Value).HandleAsync(new ListActivityQuery(asset.Id.Value), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Forbidden);
        _activity.VerifyNoOtherCalls();
    }

    [Test]
    public async Task List_ForAStranger_IsNotFoundEvenWithBadPaging()
    {
        var asset = Build.ReadyAsset();

        var result = await Handler(asset, Guid.NewGuid()).HandleAsync(new ListActivityQuery(asset.Id.Value, 0, "junk"), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.NotFound);
    }

    [Test]
    public async Task List_WithBadPaging_IsInvalid()
    {
        var asset = Build.ReadyAsset();

        var result = await Handler(asset, asset.OwnerId.Value).HandleAsync(new ListActivityQuery(asset.Id.Value, 500), CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Invalid);
    }

    private ListActivityHandler Handler(Asset asset, Guid caller) => new(
        NoOtherPaths.Instance, Build.Finding<IReadRepository<Asset>, Asset>(asset).Object, _activity.Object, Build.Caller(new Domain.Users.UserId(caller)).Object, Build.Clock(), TestCursorSigner.Instance);
}
