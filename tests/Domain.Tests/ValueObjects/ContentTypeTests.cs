using MediaVault.Domain.Assets;

namespace MediaVault.Domain.Tests.ValueObjects;

public sealed class ContentTypeTests
{
    [TestCase("image/png", MediaKind.Image)]
    [TestCase("image/svg+xml", MediaKind.Image)]
    [TestCase("video/mp4", MediaKind.Video)]
    [TestCase("audio/mpeg", MediaKind.Audio)]
    public void Create_WhenTypeIsImageVideoOrAudio_GivesItsKind(string input, MediaKind expectedKind)
    {
        var contentType = ContentType.Create(input);

        contentType.Kind.ShouldBe(expectedKind);
        contentType.Value.ShouldBe(input);
    }

    [Test]
    public void Create_WhenInputHasCaseAndSpaces_KeepsItTrimmedInLowerCase()
    {
        var contentType = ContentType.Create("  Video/QuickTime ");

        contentType.Value.ShouldBe("video/quicktime");
        contentType.ShouldBe(ContentType.Create("video/quicktime"));
    }

    [TestCase("application/pdf")]
    [TestCase("text/html")]
    [TestCase("application/octet-stream")]
    [TestCase("imagex/png")]
    public void TryCreate_WhenTypeIsNotMultimedia_Refuses(string input)
    {
        var accepted = ContentType.TryCreate(input, out var contentType);

        accepted.ShouldBeFalse();
        contentType.ShouldBeNull();
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("image")]
    [TestCase("image/")]
    [TestCase("/png")]
    [TestCase("image/png; charset=x")]
    [TestCase("image/p ng")]
    public void TryCreate_WhenInputIsMalformed_Refuses(string? input)
    {
        ContentType.TryCreate(input, out _).ShouldBeFalse();
    }

    [Test]
    public void TryCreate_WhenLongerThanMaxLength_Refuses()
    {
        var input = "image/" + new string('x', ContentType.MaxLength);

        ContentType.TryCreate(input, out _).ShouldBeFalse();
    }

    [Test]
    public void Create_WhenInputIsRefused_Throws()
    {
        Should.Throw<ArgumentException>(() => ContentType.Create("text/plain"));
    }
}
