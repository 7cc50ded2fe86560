using NSwag;
using NSwag.Generation.Processors.Security;

namespace MediaVault.WebApi.Infrastructure;

internal static class OpenApiSetup
{
    public static IServiceCollection AddOpenApiDocumentation(this IServiceCollection services) =>
        services.AddOpenApiDocument(settings =>
        {
            settings.DocumentName = "v1";
            settings.Title = "MediaVault API";
            settings.Version = "v1";
            settings.Description =
                "Private-by-default images, video and audio, shared per person (viewer, editor, manager) or by public link. "
                + "Errors are RFC 9457 problem details; a resource you may not see answers 404 exactly like one that does not exist. "
                + "Lists are keyset-paginated: pass nextCursor back as cursor.";
            settings.AddSecurity("Bearer", new OpenApiSecurityScheme
            {
                Type = OpenApiSecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "The accessToken from POST /api/v1/auth/login.",
            });
            settings.OperationProcessors.Add(new AspNetCoreOperationSecurityScopeProcessor("Bearer"));
            settings.OperationProcessors.Add(new EndpointSummaryProcessor());
        });
}
