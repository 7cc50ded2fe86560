using MediaVault.Domain.Access;

namespace MediaVault.Application.Sharing;

/// <summary>The role names a grant request may carry, as the API spells them.</summary>
public static class GrantRoles
{
    public const string Allowed = "viewer, editor, manager";

    /// <summary>Parses viewer, editor or manager (any letter case); "owner" and numbers are refused.</summary>
    public static bool TryParse(string? value, out AccessRole role)
    {
        role = default;
        return value is not null
            && !value.Any(char.IsAsciiDigit)
            && Enum.TryParse(value, ignoreCase: true, out role)
            && Enum.IsDefined(role)
            && role.IsGrantable();
    }
}
