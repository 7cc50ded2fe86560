using MediaVault.Domain.Assets;
using MediaVault.Domain.Common;

namespace MediaVault.Domain.Groups;

/// <summary>The descriptive text of a group that its owner and admins may change.</summary>
public static class GroupDetails
{
    public const int NameMaxLength = 100;

    /// <summary>The same limit as an asset's description.</summary>
    public const int DescriptionMaxLength = AssetDetails.DescriptionMaxLength;

    /// <summary>A name (trimmed) is one line of 1 to <see cref="NameMaxLength"/> characters (<see cref="FreeText"/>).</summary>
    public static bool IsValidName(string trimmed) =>
        trimmed is { Length: > 0 and <= NameMaxLength } && FreeText.IsSingleLine(trimmed);

    /// <summary>A description (trimmed) follows the rules of an asset's description.</summary>
    public static bool IsValidDescription(string trimmed) => AssetDetails.IsValidDescription(trimmed);
}
