using Ardalis.Result;
using MediaVault.Application.Abstractions;
using MediaVault.Application.Identity.GetMe;
using MediaVault.Application.Tests.TestSupport;
using MediaVault.Domain.Users;
using Moq;
using static MediaVault.Application.Tests.Identity.IdentityFixtures;

namespace MediaVault.Application.Tests.Identity;

/// <summary>GET /me: the caller's account and storage, read once.</summary>
public sealed class GetMeHandlerTests
{
    [Test]
    public async Task Handle_WhenTheAccountAndOwnerExist_ReturnsThemFromOneRead()
    {
        var id = UserId.New();
        var me = new MeDto(id.Value, "ada@example.com", "Ada", true, ["admin"], 10, 2, 100, Now);
        var accounts = new Mock<IAccountQueries>();
        accounts.Setup(a => a.FindMeAsync(id, It.IsAny<CancellationToken>())).ReturnsAsync(me);

        var result = await new GetMeHandler(accounts.Object, Build.Caller(id).Object).HandleAsync(CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.Ok);
        result.Value.ShouldBe(me);
        accounts.Verify(a => a.FindMeAsync(id, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Test]
    public async Task Handle_WhenTheAccountOrOwnerIsGone_IsNotFound()
    {
        var id = UserId.New();
        var accounts = new Mock<IAccountQueries>();
        accounts.Setup(a => a.FindMeAsync(id, It.IsAny<CancellationToken>())).ReturnsAsync((MeDto?)null);

        var result = await new GetMeHandler(accounts.Object, Build.Caller(id).Object).HandleAsync(CancellationToken.None);

        result.Status.ShouldBe(ResultStatus.NotFound);
    }
}
