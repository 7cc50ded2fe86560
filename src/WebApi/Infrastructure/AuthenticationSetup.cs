using System.Security.Claims;
using MediaVault.Application.Abstractions;
using MediaVault.Infrastructure;
using MediaVault.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.Tokens;

namespace MediaVault.WebApi.Infrastructure;

internal static class AuthenticationSetup
{
    /// <summary>
    /// Bearer JWTs: signature (HMAC-SHA256 only, so <c>alg: none</c> and other algorithms fail), issuer, audience and
    /// lifetime are all checked, with 30 seconds of clock skew; then the account behind the token (see
    /// <see cref="AccessTokenSubjectCheck"/>).
    /// </summary>
    public static IServiceCollection AddJwtAuthentication(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var jwt = configuration.GetSection(JwtOptions.Section).Get<JwtOptions>() ?? new JwtOptions();
        var key = new SymmetricSecurityKey(jwt.ResolveSigningKey(environment, DependencyInjection.DataDirectory(configuration, environment)));
        if (jwt.AccessTokenMinutes is < 1 or > 24 * 60)
        {
            throw new InvalidOperationException("Jwt__AccessTokenMinutes must be between 1 and 1440.");
        }

        services.AddSingleton(jwt);
        services.AddSingleton(key);
        services.AddSingleton<IAccessTokenIssuer, JwtAccessTokenIssuer>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateIssuer = true,
                    ValidIssuer = jwt.Issuer,
                    ValidateAudience = true,
                    ValidAudience = jwt.Audience,
                    ValidateLifetime = true,
                    RequireExpirationTime = true,
                    RequireSignedTokens = true,
                    ValidateIssuerSigningKey = true,
                    IssuerSigningKey = key,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = "sub",
                    RoleClaimType = ClaimTypes.Role,
                };
                options.Events = new JwtBearerEvents
                {
                    // A well-signed token is not enough: the account must still exist, be enabled and have the
                    // security stamp the token was issued with (a password reset changes it).
                    OnTokenValidated = async context =>
                    {
                        var principal = context.Principal;
                        var check = context.HttpContext.RequestServices.GetRequiredService<AccessTokenSubjectCheck>();
                        var subject = principal?.FindFirstValue("sub");
                        var stamp = principal?.FindFirstValue(SecurityStampClaim.Type);
                        if (AccountCheckRides.With(context.HttpContext, check, subject, stamp))
                        {
                            return;
                        }

                        var reach = principal is null ? null : await check.CheckAsync(subject, stamp, context.HttpContext.RequestAborted);
                        if (reach is null)
                        {
                            context.Fail("The account is disabled or gone, or its credentials changed after the token was issued.");
                            return;
                        }

                        HttpCurrentUser.RememberReach(context.HttpContext, reach);
                    },
                    // A 401 carries a problem body like every other error.
                    OnChallenge = async context =>
                    {
                        context.HandleResponse();
                        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                        context.Response.Headers.WWWAuthenticate = "Bearer";
                        var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context.HttpContext, ProblemDetails = Unauthorized() });
                    },
                };
            });
        services.AddAuthorization();
        return services;
    }

    /// <summary>The body of every <c>401</c>: the token is missing, invalid, expired, or no longer current.</summary>
    public static ProblemDetails Unauthorized() => new()
    {
        Status = StatusCodes.Status401Unauthorized,
        Title = "Unauthorized",
        Type = ProblemTypes.Unauthorized,
        Detail = "A valid access token is required.",
    };
}
