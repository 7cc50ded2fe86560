using MediaVault.Domain.Assets;

namespace MediaVault.Domain.Tests.ValueObjects;

public sealed class FileNameTests
{
    [TestCase("holiday.png")]
    [TestCase("Été 2024 (1).mov")]
    public void Create_WhenNameIsPlain_KeepsIt(string input)
    {
        FileName.Create(input).Value.ShouldBe(input);
    }

    [Test]
    public void Create_WhenNameHasSurroundingSpaces_TrimsThem()
    {
        FileName.Create("  song.mp3 ").Value.ShouldBe("song.mp3");
    }

    [TestCase("folder/file.png")]
    [TestCase("..\\file.png")]
    [TestCase("file\u0000.png")]
    [TestCase("line\nbreak.png")]
    [TestCase(".")]
    [TestCase("..")]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase(null)]
    public void TryCreate_WhenNameHasFoldersControlCharactersOrIsEmpty_Refuses(string? input)
    {
        var accepted = FileName.TryCreate(input, out var fileName);

        accepted.ShouldBeFalse();
        fileName.ShouldBeNull();
    }

    [Test]
    public void TryCreate_WhenNameIsAtMaxLength_Accepts()
    {
        var input = new string('a', FileName.MaxLength);

        FileName.TryCreate(input, out _).ShouldBeTrue();
    }

    [Test]
    public void TryCreate_WhenNameIsLongerThanMaxLength_Refuses()
    {
        var input = new string('a', FileName.MaxLength + 1);

        FileName.TryCreate(input, out _).ShouldBeFalse();
    }

    [Test]
    public void Create_WhenNameIsRefused_Throws()
    {
        Should.Throw<ArgumentException>(() => FileName.Create("a/b"));
    }
}
