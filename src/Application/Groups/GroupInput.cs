using MediaVault.Application.Common;
using MediaVault.Domain.Groups;

namespace MediaVault.Application.Groups;

/// <summary>Checks a group's name and description as a request gives them.</summary>
internal static class GroupInput
{
    public static Validation Name(this Validation validation, string? name, bool required)
    {
        if (name is null)
        {
            return validation.When(required, "name", $"name is required (1–{GroupDetails.NameMaxLength} characters).");
        }

        return validation.When(
            !GroupDetails.IsValidName(name.Trim()),
            "name",
            $"name must be 1–{GroupDetails.NameMaxLength} characters on one line, without control characters.");
    }

    public static Validation Description(this Validation validation, string? description) =>
        validation.When(
            description is not null && !GroupDetails.IsValidDescription(description.Trim()),
            "description",
            $"description is at most {GroupDetails.DescriptionMaxLength} characters and cannot contain control characters (other than tab and line breaks).");
}
