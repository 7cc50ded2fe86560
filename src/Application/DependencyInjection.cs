using MediaVault.Application.Assets.GetAsset;
using MediaVault.Application.Assets.ListAssets;
using Microsoft.Extensions.DependencyInjection;

namespace MediaVault.Application;

public static class DependencyInjection
{
    /// <summary>Registers every use-case handler. There is no mediator: endpoints inject the handler they call.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddScoped<GetAssetHandler>();
        services.AddScoped<ListAssetsHandler>();
        return services;
    }
}
