using System.Globalization;
using Ardalis.Result;
using MediaVault.Application.Identity.ForgotPassword;
using MediaVault.Application.Identity.Login;
using MediaVault.Application.Identity.Logout;
using MediaVault.Application.Identity.Refresh;
using MediaVault.Application.Identity.Register;
using MediaVault.Application.Identity.ResendVerification;
using MediaVault.Application.Identity.ResetPassword;
using MediaVault.Application.Identity.VerifyEmail;
using MediaVault.WebApi.Contracts;
using MediaVault.WebApi.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MediaVault.WebApi.Endpoints;

/// <summary>
/// <c>/api/v1/auth</c>: sign-up with e-mail verification, sign-in with short-lived access tokens and rotating refresh
/// tokens, password reset. Anonymous, rate-limited per client address, never cached.
/// </summary>
public static class AuthEndpoints
{
    public static RouteGroupBuilder MapAuthEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/auth")
            .WithTags("Auth")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitingSetup.AuthPolicy)
            .AddEndpointFilter(async (context, next) =>
            {
                // Answers carry tokens: no cache may keep them (RFC 6749, section 5.1).
                context.HttpContext.Response.Headers.CacheControl = "no-store";
                context.HttpContext.Response.Headers.Pragma = "no-cache";
                return await next(context);
            })
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        group.MapPost("/register", Register)
            .WithName("Auth_Register")
            .WithSummary("Sign up")
            .WithDescription(
                "Creates the account (with the default storage quota) and e-mails a verification link. 202 also when the "
                + "address already has an account, so the answer does not tell which addresses are registered: that "
                + "mailbox then gets a new verification link if the account is unverified, else a note that it exists. "
                + "400 with errors keyed email, password (10 to 128 characters) or displayName.");

        group.MapGet("/verify-email", VerifyEmailLink)
            .WithName("Auth_VerifyEmailLink")
            .WithSummary("Verify an e-mail address (the link in the mail)")
            .WithDescription(
                "The link the verification mail carries. 200 once verified; 400 when the link is invalid, expired (24 h) "
                + "or already used. A browser (Accept: text/html) gets a small HTML page instead of JSON.");

        group.MapPost("/verify-email", VerifyEmail)
            .WithName("Auth_VerifyEmail")
            .WithSummary("Verify an e-mail address")
            .WithDescription("The same as the link, for clients that read userId and token from it. 204; 400 when the token is invalid, expired or used.");

        group.MapPost("/resend-verification", ResendVerification)
            .WithName("Auth_ResendVerification")
            .WithSummary("Send the verification link again")
            .WithDescription("202 whatever the address: a new link is mailed only if it belongs to an unverified account.");

        group.MapPost("/login", Login)
            .WithName("Auth_Login")
            .WithSummary("Sign in")
            .WithDescription(
                "200 with a token pair. 401 wrong e-mail or password; 403 unverified address (type email-not-verified) "
                + "or disabled account (type account-disabled), told only to a caller who knows the password; 429 with "
                + "Retry-After after 5 wrong passwords (the account is locked for 15 minutes) or when throttled.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPost("/refresh", Refresh)
            .WithName("Auth_Refresh")
            .WithSummary("Trade a refresh token for a new token pair")
            .WithDescription(
                "200 with a new pair; the refresh token sent is spent. 401 when it is unknown, expired or revoked. Sending "
                + "a spent token again is taken as theft: 401, and every token of that sign-in is revoked.")
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapPost("/logout", Logout)
            .WithName("Auth_Logout")
            .WithSummary("Sign out")
            .WithDescription("Revokes the refresh token and every token of its sign-in. 204, also for an unknown token. The access token runs out by itself.");

        group.MapPost("/forgot-password", ForgotPassword)
            .WithName("Auth_ForgotPassword")
            .WithSummary("Ask for a password reset link")
            .WithDescription("202 whatever the address. An account's mailbox gets {App__PublicBaseUrl}/reset-password?userId=…&token=…, valid for one hour.");

        group.MapPost("/reset-password", ResetPassword)
            .WithName("Auth_ResetPassword")
            .WithSummary("Choose a new password")
            .WithDescription(
                "With userId and token from the reset link. 204; every session of the account ends (refresh tokens "
                + "revoked, access tokens refused). 400 with errors keyed token (invalid, expired or used) or newPassword.");

        return api;
    }

    public static async Task<Results<Accepted, ValidationProblem>> Register(
        RegisterRequest request, RegisterHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new RegisterCommand(request.Email, request.Password, request.DisplayName), cancellationToken);
        return result.IsSuccess ? TypedResults.Accepted((string?)null) : result.ToValidationProblem();
    }

    public static async Task<Results<Ok<EmailVerifiedResponse>, ContentHttpResult, ValidationProblem>> VerifyEmailLink(
        Guid? userId, string? token, HttpContext httpContext, VerifyEmailHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new VerifyEmailCommand(userId, token), cancellationToken);
        if (!BrowserPage.IsWanted(httpContext.Request))
        {
            return result.IsSuccess ? TypedResults.Ok(new EmailVerifiedResponse(true)) : result.ToValidationProblem();
        }

        return result.IsSuccess
            ? BrowserPage.Render(httpContext.Response, StatusCodes.Status200OK, "E-mail address verified", "Thank you. You can now sign in to MediaVault.")
            : BrowserPage.Render(httpContext.Response, StatusCodes.Status400BadRequest, "This link does not work", VerifyEmailHandler.InvalidTokenMessage);
    }

    public static async Task<Results<NoContent, ValidationProblem>> VerifyEmail(
        VerifyEmailRequest request, VerifyEmailHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new VerifyEmailCommand(request.UserId, request.Token), cancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : result.ToValidationProblem();
    }

    public static async Task<Accepted> ResendVerification(
        ResendVerificationRequest request, ResendVerificationHandler handler, CancellationToken cancellationToken)
    {
        await handler.HandleAsync(new ResendVerificationCommand(request.Email), cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    public static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> Login(
        LoginRequest request, HttpContext httpContext, LoginHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new LoginCommand(request.Email, request.Password), cancellationToken);
        switch (result.Status)
        {
            case LoginStatus.SignedIn:
                return TypedResults.Ok(TokenResponse.From(result.Tokens!));
            case LoginStatus.Invalid:
                return Result.Invalid([.. result.ValidationErrors]).ToValidationProblem();
            case LoginStatus.EmailNotVerified:
                return Problem(StatusCodes.Status403Forbidden, "E-mail address not verified", ProblemTypes.EmailNotVerified,
                    "Verify your e-mail address with the link we sent you (POST /auth/resend-verification sends a new one).");
            case LoginStatus.Disabled:
                return Problem(StatusCodes.Status403Forbidden, "Account disabled", ProblemTypes.AccountDisabled, "This account has been disabled.");
            case LoginStatus.LockedOut:
                var seconds = (int)Math.Ceiling(result.RetryAfter.TotalSeconds);
                httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return Problem(StatusCodes.Status429TooManyRequests, "Too many failed sign-ins", ProblemTypes.TooManyRequests,
                    $"Too many wrong passwords: this account is locked; try again in {seconds} seconds or reset the password.");
            default:
                return Problem(StatusCodes.Status401Unauthorized, "Unauthorized", ProblemTypes.InvalidCredentials, "The e-mail address or the password is wrong.");
        }
    }

    public static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> Refresh(
        RefreshRequest request, RefreshHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new RefreshCommand(request.RefreshToken), cancellationToken);
        return result.Status switch
        {
            ResultStatus.Ok => TypedResults.Ok(TokenResponse.From(result.Value)),
            ResultStatus.Invalid => result.ToValidationProblem(),
            _ => Problem(StatusCodes.Status401Unauthorized, "Unauthorized", ProblemTypes.Unauthorized, "The refresh token is invalid, expired or revoked; sign in again."),
        };
    }

    public static async Task<Results<NoContent, ValidationProblem>> Logout(
        LogoutRequest request, LogoutHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new LogoutCommand(request.RefreshToken), cancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : result.ToValidationProblem();
    }

    public static async Task<Accepted> ForgotPassword(
        ForgotPasswordRequest request, ForgotPasswordHandler handler, CancellationToken cancellationToken)
    {
        await handler.HandleAsync(new ForgotPasswordCommand(request.Email), cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    public static async Task<Results<NoContent, ValidationProblem>> ResetPassword(
        ResetPasswordRequest request, ResetPasswordHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.HandleAsync(new ResetPasswordCommand(request.UserId, request.Token, request.NewPassword), cancellationToken);
        return result.IsSuccess ? TypedResults.NoContent() : result.ToValidationProblem();
    }

    private static ProblemHttpResult Problem(int status, string title, string type, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail, type: type);
}
