using System.Net;
using MediaVault.Application.Abstractions;

namespace MediaVault.Application.Identity;

/// <summary>The mails of sign-up and password reset. The text part carries the link alone on its line.</summary>
internal static class IdentityEmails
{
    public static EmailMessage Verification(string to, string displayName, string link) => new(
        to,
        "Verify your e-mail address for MediaVault",
        $"""
        Hello {displayName},

        Please verify your e-mail address by opening this link:

        {link}

        The link works once and expires in 24 hours. If you did not sign up for MediaVault, ignore this mail.
        """,
        Html(displayName, "Please verify your e-mail address by opening this link:", link, "Verify my address",
            "The link works once and expires in 24 hours. If you did not sign up for MediaVault, ignore this mail."));

    public static EmailMessage AlreadyRegistered(string to, string displayName) => new(
        to,
        "You already have a MediaVault account",
        $"""
        Hello {displayName},

        Somebody, perhaps you, tried to sign up for MediaVault with this address, which already has an account.
        Nothing was changed. Sign in as usual; if you forgot your password, use "forgot password" to get a reset link.
        """,
        Html(displayName,
            "Somebody, perhaps you, tried to sign up for MediaVault with this address, which already has an account. Nothing was changed.",
            null, null, "Sign in as usual; if you forgot your password, use \"forgot password\" to get a reset link."));

    public static EmailMessage PasswordReset(string to, string displayName, string link) => new(
        to,
        "Reset your MediaVault password",
        $"""
        Hello {displayName},

        To choose a new password, open this link:

        {link}

        The link works once and expires in 1 hour. If you did not ask for it, ignore this mail: your password stays as it is.
        """,
        Html(displayName, "To choose a new password, open this link:", link, "Choose a new password",
            "The link works once and expires in 1 hour. If you did not ask for it, ignore this mail: your password stays as it is."));

    private static string Html(string displayName, string intro, string? link, string? linkText, string outro)
    {
        var button = link is null
            ? string.Empty
            : $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(linkText)}</a></p>";
        return $"<!DOCTYPE html><html><body><p>Hello {WebUtility.HtmlEncode(displayName)},</p>"
            + $"<p>{WebUtility.HtmlEncode(intro)}</p>{button}<p>{WebUtility.HtmlEncode(outro)}</p></body></html>";
    }
}
