using MediaVault.Domain.Groups;

namespace MediaVault.Domain.Collections;

/// <summary>The descriptive text of a collection: the same rules as a group's name and description.</summary>
public static class CollectionDetails
{
    public const int NameMaxLength = GroupDetails.NameMaxLength;

    public const int DescriptionMaxLength = GroupDetails.DescriptionMaxLength;

    /// <summary>Assets added in one request, at most.</summary>
    public const int MaxAssetsPerAdd = 100;

    public static bool IsValidName(string trimmed) => GroupDetails.IsValidName(trimmed);

    public static bool IsValidDescription(string trimmed) => GroupDetails.IsValidDescription(trimmed);
}
