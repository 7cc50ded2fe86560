using System.Net.Mail;
using MediaVault.Domain.Common;

namespace MediaVault.Domain.Users;

/// <summary>An e-mail address, trimmed and compared case-insensitively (stored in lower case).</summary>
public sealed record EmailAddress
{
    public const int MaxLength = 254;

    private EmailAddress(string value) => Value = value;

    public string Value { get; }

    public static bool TryCreate(string? input, out EmailAddress? email)
    {
        email = null;
        var trimmed = input?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxLength || trimmed.Any(char.IsWhiteSpace) || !FreeText.IsSingleLine(trimmed))
        {
            return false;
        }

        if (!MailAddress.TryCreate(trimmed, out var parsed) || parsed.Address != trimmed)
        {
            return false;
        }

        var at = trimmed.LastIndexOf('@');
        var domain = trimmed[(at + 1)..];
        if (at <= 0 || !domain.Contains('.', StringComparison.Ordinal) || domain.StartsWith('.') || domain.EndsWith('.'))
        {
            return false;
        }

        email = new EmailAddress(trimmed.ToLowerInvariant());
        return true;
    }

    public static EmailAddress Create(string input) =>
        TryCreate(input, out var email) ? email! : throw new ArgumentException("Not a valid e-mail address.", nameof(input));

    public override string ToString() => Value;
}
