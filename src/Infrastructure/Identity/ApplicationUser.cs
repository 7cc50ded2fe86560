using Microsoft.AspNetCore.Identity;

namespace MediaVault.Infrastructure.Identity;

/// <summary>
/// The account behind a <see cref="Domain.Users.UserId"/>: credentials, e-mail confirmation, lockout. Identity stays in
/// this layer; the domain knows the person only by id (and as an <see cref="Domain.Owners.Owner"/>).
/// </summary>
public sealed class ApplicationUser : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = 100;

    public string DisplayName { get; set; } = string.Empty;

    /// <summary>A disabled account cannot sign in and its tokens stop working at once.</summary>
    public bool IsDisabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
