using MediaVault.Application.Assets.GetAsset;
using MediaVault.Application.Assets.ListAssets;
using MediaVault.Application.Identity.ForgotPassword;
using MediaVault.Application.Identity.GetMe;
using MediaVault.Application.Identity.Login;
using MediaVault.Application.Identity.Logout;
using MediaVault.Application.Identity.Refresh;
using MediaVault.Application.Identity.Register;
using MediaVault.Application.Identity.ResendVerification;
using MediaVault.Application.Identity.ResetPassword;
using MediaVault.Application.Identity.VerifyEmail;
using Microsoft.Extensions.DependencyInjection;

namespace MediaVault.Application;

public static class DependencyInjection
{
    /// <summary>Registers every use-case handler. There is no mediator: endpoints inject the handler they call.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddScoped<GetAssetHandler>();
        services.AddScoped<ListAssetsHandler>();

        services.AddScoped<RegisterHandler>();
        services.AddScoped<VerifyEmailHandler>();
        services.AddScoped<ResendVerificationHandler>();
        services.AddScoped<LoginHandler>();
        services.AddScoped<RefreshHandler>();
        services.AddScoped<LogoutHandler>();
        services.AddScoped<ForgotPasswordHandler>();
        services.AddScoped<ResetPasswordHandler>();
        services.AddScoped<GetMeHandler>();
        return services;
    }
}
