using MediaVault.Domain.Common;

namespace MediaVault.Domain.Assets;

/// <summary>The descriptive text of an asset that editors may change.</summary>
public static class AssetDetails
{
    public const int TitleMaxLength = 200;

    public const int DescriptionMaxLength = 4000;

    /// <summary>A title (trimmed) is one line of at most <see cref="TitleMaxLength"/> characters (<see cref="FreeText"/>).</summary>
    public static bool IsValidTitle(string trimmed) => trimmed.Length <= TitleMaxLength && FreeText.IsSingleLine(trimmed);

    /// <summary>A description (trimmed) may span lines, at most <see cref="DescriptionMaxLength"/> characters (<see cref="FreeText"/>).</summary>
    public static bool IsValidDescription(string trimmed) => trimmed.Length <= DescriptionMaxLength && FreeText.IsMultiLine(trimmed);
}
