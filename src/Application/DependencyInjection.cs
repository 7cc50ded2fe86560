using MediaVault.Application.Assets.CompleteUpload;
using MediaVault.Application.Assets.DeleteAsset;
using MediaVault.Application.Assets.DownloadAsset;
using MediaVault.Application.Assets.GetAsset;
using MediaVault.Application.Assets.ListAssets;
using MediaVault.Application.Assets.PurgeAbandonedUploads;
using MediaVault.Application.Assets.RegisterAsset;
using MediaVault.Application.Assets.UpdateAsset;
using Microsoft.Extensions.DependencyInjection;

namespace MediaVault.Application;

public static class DependencyInjection
{
    /// <summary>Registers every use-case handler. There is no mediator: endpoints inject the handler they call.</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddScoped<GetAssetHandler>();
        services.AddScoped<ListAssetsHandler>();
        services.AddScoped<RegisterAssetHandler>();
        services.AddScoped<CompleteUploadHandler>();
        services.AddScoped<UpdateAssetHandler>();
        services.AddScoped<DeleteAssetHandler>();
        services.AddScoped<DownloadAssetHandler>();
        services.AddScoped<PurgeAbandonedUploadsHandler>();
        return services;
    }
}
