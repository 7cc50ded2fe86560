using MediaVault.Domain.Users;

namespace MediaVault.Domain.Tests.ValueObjects;

public sealed class EmailAddressTests
{
    [TestCase("ada@example.com", "ada@example.com")]
    [TestCase("  Ada.Lovelace@Example.COM ", "ada.lovelace@example.com")]
    [TestCase("first+tag@sub.example.org", "first+tag@sub.example.org")]
    public void Create_WhenAddressIsValid_KeepsItTrimmedInLowerCase(string input, string expected)
    {
        EmailAddress.Create(input).Value.ShouldBe(expected);
    }

    [Test]
    public void Create_WhenAddressesDifferOnlyInCase_TheyAreTheSameAddress()
    {
        EmailAddress.Create("Ada@Example.com").ShouldBe(EmailAddress.Create("ada@example.COM"));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("ada")]
    [TestCase("ada@")]
    [TestCase("@example.com")]
    [TestCase("ada@localhost")]
    [TestCase("ada@example.")]
    [TestCase("ada@.example.com")]
    [TestCase("ada lovelace@example.com")]
    [TestCase("Ada <ada@example.com>")]
    public void TryCreate_WhenAddressIsMalformed_Refuses(string? input)
    {
        var accepted = EmailAddress.TryCreate(input, out var email);

        accepted.ShouldBeFalse();
        email.ShouldBeNull();
    }

    [Test]
    public void TryCreate_WhenLongerThanMaxLength_Refuses()
    {
        var input = new string('a', EmailAddress.MaxLength) + "@example.com";

        EmailAddress.TryCreate(input, out _).ShouldBeFalse();
    }

    [Test]
    public void Create_WhenAddressIsRefused_Throws()
    {
        Should.Throw<ArgumentException>(() => EmailAddress.Create("not-an-address"));
    }
}
