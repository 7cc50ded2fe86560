using Ardalis.Specification;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Trash;
using MediaVault.Application.Trash.EnqueueOverduePurges;
using MediaVault.Domain.Assets;
using Moq;

namespace MediaVault.Application.Tests.Assets;

public sealed class EnqueueOverduePurgesHandlerTests
{
    [Test]
    public async Task HandleAsync_WithOverdueTrashedAssets_EnqueuesAPurgeDueNowForEach()
    {
        var owner = TestData.AnOwner();
        var asset = TestData.AReadyAsset(owner);
        asset.Delete(owner, Domain.Access.AccessPolicy.Evaluate(asset, owner.Id, TestData.Now), TimeSpan.Zero, TestData.Now.AddHours(-2));
        var assets = new Mock<IRepository<Asset>>();
        assets.Setup(r => r.ListAsync(It.IsAny<ISpecification<Asset>>(), It.IsAny<CancellationToken>())).ReturnsAsync([asset]);
        var jobs = new Mock<IJobQueue>();

        var count = await new EnqueueOverduePurgesHandler(assets.Object, jobs.Object, TestData.Clock()).HandleAsync(new EnqueueOverduePurgesCommand(), CancellationToken.None);

        count.ShouldBe(1);
        jobs.Verify(j => j.Enqueue(It.Is<JobRequest>(r => r.Kind == TrashJobs.PurgeKind && r.NotBefore == TestData.Clock().GetUtcNow())), Times.Once);
        assets.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task HandleAsync_WithNothingOverdue_SavesNothing()
    {
        var assets = new Mock<IRepository<Asset>>();
        assets.Setup(r => r.ListAsync(It.IsAny<ISpecification<Asset>>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        var jobs = new Mock<IJobQueue>();

        var count = await new EnqueueOverduePurgesHandler(assets.Object, jobs.Object, TestData.Clock()).HandleAsync(new EnqueueOverduePurgesCommand(), CancellationToken.None);

        count.ShouldBe(0);
        jobs.VerifyNoOtherCalls();
        assets.Verify(r => r.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }
}
