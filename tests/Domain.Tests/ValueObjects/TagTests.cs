using MediaVault.Domain.Assets;

namespace MediaVault.Domain.Tests.ValueObjects;

public sealed class TagTests
{
    [TestCase("beach", "beach")]
    [TestCase("  Summer-2024 ", "summer-2024")]
    [TestCase("raw_files.v2", "raw_files.v2")]
    public void Create_WhenTagIsValid_KeepsItTrimmedInLowerCase(string input, string expected)
    {
        Tag.Create(input).Value.ShouldBe(expected);
    }

    [Test]
    public void Create_WhenTagsDifferOnlyInCase_TheyAreTheSameTag()
    {
        Tag.Create("Beach").ShouldBe(Tag.Create("BEACH"));
    }

    [TestCase("two words")]
    [TestCase("hash#tag")]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase(null)]
    public void TryCreate_WhenTagHasSpacesOrPunctuationOrIsEmpty_Refuses(string? input)
    {
        var accepted = Tag.TryCreate(input, out var tag);

        accepted.ShouldBeFalse();
        tag.ShouldBeNull();
    }

    [TestCase("beach\u0085")]
    [TestCase("\u0085beach")]
    [TestCase("beach\u0000")]
    [TestCase("\tbeach")]
    [TestCase("beach\u001f")]
    public void TryCreate_WhenTagHasAControlCharacterEvenOneTrimWouldDrop_Refuses(string input)
    {
        Tag.TryCreate(input, out var tag).ShouldBeFalse();
        tag.ShouldBeNull();
    }

    [Test]
    public void TryCreate_WhenTagIsLongerThanMaxLength_Refuses()
    {
        Tag.TryCreate(new string('a', Tag.MaxLength + 1), out _).ShouldBeFalse();
        Tag.TryCreate(new string('a', Tag.MaxLength), out _).ShouldBeTrue();
    }

    [Test]
    public void Create_WhenTagIsRefused_Throws()
    {
        Should.Throw<ArgumentException>(() => Tag.Create("no spaces allowed"));
    }
}
