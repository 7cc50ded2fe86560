using MediaVault.Application.Common;

namespace MediaVault.Application.Identity;

/// <summary>
/// What a password and a display name must be. Passwords: length over composition (NIST SP 800-63B): 10 to 128
/// characters, any characters, no rules about digits or symbols.
/// </summary>
public static class AccountRules
{
    public const int PasswordMinLength = 10;

    public const int PasswordMaxLength = 128;

    public const int DisplayNameMaxLength = 100;

    public static Validation CheckPassword(this Validation validation, string field, string? password)
    {
        ArgumentNullException.ThrowIfNull(validation);
        if (string.IsNullOrEmpty(password))
        {
            return validation.Add(field, $"{field} is required.");
        }

        return validation
            .When(password.Length < PasswordMinLength, field, $"{field} must be at least {PasswordMinLength} characters long.")
            .When(password.Length > PasswordMaxLength, field, $"{field} must be at most {PasswordMaxLength} characters long.")
            .When(password.Length >= PasswordMinLength && string.IsNullOrWhiteSpace(password), field, $"{field} cannot be only spaces.");
    }

    /// <summary>Checks and trims a display name; returns the trimmed value.</summary>
    public static string? CheckDisplayName(this Validation validation, string field, string? displayName)
    {
        ArgumentNullException.ThrowIfNull(validation);
        var trimmed = displayName?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            validation.Add(field, $"{field} is required.");
            return null;
        }

        validation
            .When(trimmed.Length > DisplayNameMaxLength, field, $"{field} must be at most {DisplayNameMaxLength} characters long.")
            .Text(field, trimmed);
        return trimmed;
    }
}
