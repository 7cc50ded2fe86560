using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;

namespace MediaVault.Infrastructure.Identity;

/// <summary><c>Jwt__*</c>: how access tokens are signed and checked.</summary>
public sealed class JwtOptions
{
    public const string Section = "Jwt";

    public const int MinimumKeyBytes = 32;

    /// <summary>At least 32 bytes of secret (HMAC-SHA256). Required outside Development.</summary>
    public string? SigningKey { get; set; }

    public string Issuer { get; set; } = "mediavault";

    public string Audience { get; set; } = "mediavault-api";

    public int AccessTokenMinutes { get; set; } = 15;

    /// <summary><c>Jwt__RefreshTokenDays</c>: how long an unused refresh token stays valid (each use starts anew).</summary>
    public int RefreshTokenDays { get; set; } = 14;

    /// <summary>
    /// The signing key: the configured one, or in Development one generated once and kept in the data folder.
    /// Elsewhere a missing or short key stops the application at start-up with a clear message.
    /// </summary>
    public byte[] ResolveSigningKey(IHostEnvironment environment, string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!string.IsNullOrWhiteSpace(SigningKey))
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(SigningKey);
            if (bytes.Length < MinimumKeyBytes)
            {
                throw new InvalidOperationException($"Jwt__SigningKey must be at least {MinimumKeyBytes} bytes long.");
            }

            return bytes;
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                "Jwt__SigningKey is not set. Outside Development MediaVault refuses to start without a signing key "
                + $"of at least {MinimumKeyBytes} bytes (for example: openssl rand -base64 48).");
        }

        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, "jwt-signing.key");
        if (!File.Exists(path))
        {
            File.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        return Convert.FromBase64String(File.ReadAllText(path).Trim());
    }
}
