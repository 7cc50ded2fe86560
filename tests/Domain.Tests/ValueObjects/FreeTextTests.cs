using MediaVault.Domain.Common;

namespace MediaVault.Domain.Tests.ValueObjects;

public sealed class FreeTextTests
{
    [TestCase("plain words")]
    [TestCase("Café ☕ 日本語")]
    [TestCase("emoji 😀 as a surrogate pair")]
    [TestCase("")]
    [TestCase("no\u00a0break space and \u2028 line separator")]
    public void IsSingleLine_WhenTextHasNoControlCharacter_Accepts(string value)
    {
        FreeText.IsSingleLine(value).ShouldBeTrue();
        FreeText.IsMultiLine(value).ShouldBeTrue();
    }

    [TestCase("\u0000")]
    [TestCase("a\u0001b")]
    [TestCase("a\u001bb")]
    [TestCase("a\u007fb")]
    [TestCase("a\u0080b")]
    [TestCase("a\u0085b")]
    [TestCase("a\u009fb")]
    public void IsSingleLineAndIsMultiLine_WhenTextHasC0OrC1ControlOrDel_Refuse(string value)
    {
        FreeText.IsSingleLine(value).ShouldBeFalse();
        FreeText.IsMultiLine(value).ShouldBeFalse();
    }

    [TestCase("a\tb")]
    [TestCase("a\nb")]
    [TestCase("a\r\nb")]
    public void IsMultiLine_WhenTextHasTabOrLineBreaks_AcceptsWhereSingleLineRefuses(string value)
    {
        FreeText.IsMultiLine(value).ShouldBeTrue();
        FreeText.IsSingleLine(value).ShouldBeFalse();
    }

    // Built in code: an attribute argument is stored as UTF-8, which cannot hold an unpaired surrogate.
    private static readonly string[] UnpairedSurrogates = ["a\ud800b", "a\udc00b", "ends with \ud83d", "\ude00 starts low", "\ude00\ud83d"];

    [TestCaseSource(nameof(UnpairedSurrogates))]
    public void IsSingleLineAndIsMultiLine_WhenTextHasUnpairedSurrogate_Refuse(string value)
    {
        FreeText.IsSingleLine(value).ShouldBeFalse();
        FreeText.IsMultiLine(value).ShouldBeFalse();
    }
}
