using MediaVault.Domain.Assets;

namespace MediaVault.Domain.Tests.ValueObjects;

public sealed class Sha256DigestTests
{
    private static readonly string Hex = string.Concat(Enumerable.Repeat("0123456789abcdef", 4));

    [Test]
    public void Create_WhenInputIs64HexCharacters_KeepsItInLowerCase()
    {
        var digest = Sha256Digest.Create(" " + Hex.ToUpperInvariant() + " ");

        digest.Value.ShouldBe(Hex);
        digest.Value.Length.ShouldBe(Sha256Digest.Length);
    }

    [TestCase(-1)]
    [TestCase(1)]
    public void TryCreate_WhenLengthIsNot64_Refuses(int lengthDifference)
    {
        var input = lengthDifference < 0 ? Hex[..^1] : Hex + "0";

        Sha256Digest.TryCreate(input, out var digest).ShouldBeFalse();
        digest.ShouldBeNull();
    }

    [TestCase(null)]
    [TestCase("")]
    public void TryCreate_WhenInputIsMissing_Refuses(string? input)
    {
        Sha256Digest.TryCreate(input, out _).ShouldBeFalse();
    }

    [Test]
    public void TryCreate_WhenInputHasNonHexCharacter_Refuses()
    {
        var input = "g" + Hex[1..];

        Sha256Digest.TryCreate(input, out _).ShouldBeFalse();
    }

    [Test]
    public void Create_WhenInputIsRefused_Throws()
    {
        Should.Throw<ArgumentException>(() => Sha256Digest.Create("abc"));
    }
}
