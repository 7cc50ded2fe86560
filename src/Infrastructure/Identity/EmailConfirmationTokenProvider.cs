using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaVault.Infrastructure.Identity;

/// <summary>Options of <see cref="EmailConfirmationTokenProvider"/>: its own name (so its tokens are no reset tokens) and lifespan.</summary>
public sealed class EmailConfirmationTokenProviderOptions : DataProtectionTokenProviderOptions;

/// <summary>
/// Data-protected e-mail confirmation tokens that live 24 hours, while password reset tokens (Identity's default
/// provider) live one hour.
/// </summary>
internal sealed class EmailConfirmationTokenProvider(
    IDataProtectionProvider dataProtectionProvider,
    IOptions<EmailConfirmationTokenProviderOptions> options,
    ILogger<DataProtectorTokenProvider<ApplicationUser>> logger)
    : DataProtectorTokenProvider<ApplicationUser>(dataProtectionProvider, options, logger)
{
    public const string ProviderName = "EmailConfirmation";
}
