using MediaVault.Application.Abstractions;
using MediaVault.Application.Identity;
using MediaVault.Domain.Users;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MediaVault.Infrastructure.Identity;

internal static class IdentitySetup
{
    /// <summary>Name under which Data Protection keys are shared by every instance (not the content root path).</summary>
    public const string DataProtectionApplicationName = "MediaVault";

    /// <summary>
    /// ASP.NET Core Identity without cookies (the API signs in with bearer tokens), its e-mailed tokens protected by
    /// Data Protection keys kept in the database, and the identity ports.
    /// </summary>
    public static IServiceCollection AddIdentityServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentityCore<ApplicationUser>(options =>
            {
                // The user name is the e-mail address, already checked by EmailAddress: any character it allows is fine.
                options.User.RequireUniqueEmail = true;
                options.User.AllowedUserNameCharacters = string.Empty;
                // Length over composition; the Application checks the same rules first and also a maximum length.
                options.Password.RequiredLength = AccountRules.PasswordMinLength;
                options.Password.RequiredUniqueChars = 1;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                // Kept in the user row, so it holds across instances: 5 wrong passwords lock the account for 15 minutes.
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.SignIn.RequireConfirmedEmail = true;
                options.Tokens.EmailConfirmationTokenProvider = EmailConfirmationTokenProvider.ProviderName;
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<MediaVaultDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<EmailConfirmationTokenProvider>(EmailConfirmationTokenProvider.ProviderName);
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = TimeSpan.FromHours(1));
        services.Configure<EmailConfirmationTokenProviderOptions>(options =>
        {
            options.Name = EmailConfirmationTokenProvider.ProviderName;
            options.TokenLifespan = TimeSpan.FromHours(24);
        });

        // The keys behind the e-mailed tokens live in the database: links survive restarts and work on every instance.
        services.AddDataProtection()
            .SetApplicationName(DataProtectionApplicationName)
            .PersistKeysToDbContext<MediaVaultDbContext>();

        services.AddSingleton(Settings(configuration));
        services.AddScoped<IIdentityService, IdentityService>();
        services.AddScoped<IAccountQueries, AccountQueries>();
        services.AddScoped<IRefreshTokenStore, EfRefreshTokenStore>();
        services.AddScoped<AccessTokenSubjectCheck>();
        return services;
    }

    private static IdentitySettings Settings(IConfiguration configuration)
    {
        var app = configuration.GetSection(AppOptions.Section).Get<AppOptions>() ?? new AppOptions();
        var assets = configuration.GetSection(AssetsOptions.Section).Get<AssetsOptions>() ?? new AssetsOptions();
        var jwt = configuration.GetSection(JwtOptions.Section).Get<JwtOptions>() ?? new JwtOptions();
        var admin = configuration.GetSection(AdminOptions.Section).Get<AdminOptions>() ?? new AdminOptions();
        if (!app.PublicBaseUrl.IsAbsoluteUri || app.PublicBaseUrl.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException("App__PublicBaseUrl must be an absolute http(s) URL, e.g. https://media.example.com.");
        }

        if (jwt.RefreshTokenDays < 1)
        {
            throw new InvalidOperationException("Jwt__RefreshTokenDays must be at least 1.");
        }

        return new IdentitySettings
        {
            PublicBaseUrl = app.PublicBaseUrl,
            DefaultQuotaBytes = assets.DefaultQuotaBytes,
            RefreshTokenLifetime = TimeSpan.FromDays(jwt.RefreshTokenDays),
            AdminEmails = AdminEmails(admin.Emails),
        };
    }

    private static HashSet<string> AdminEmails(string? configured)
    {
        var emails = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in (configured ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            emails.Add(EmailAddress.TryCreate(entry, out var email)
                ? email!.Value
                : throw new InvalidOperationException($"Admin__Emails: \"{entry}\" is not an e-mail address."));
        }

        return emails;
    }
}
