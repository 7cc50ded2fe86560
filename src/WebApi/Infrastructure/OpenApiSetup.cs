using System.Text.Json;
using System.Text.Json.Serialization;
using NSwag;
using NSwag.Generation.Processors.Security;

namespace MediaVault.WebApi.Infrastructure;

internal static class OpenApiSetup
{
    private static readonly (string Name, string Description)[] TagDescriptions =
    [
        ("Auth", "Sign up, confirm the e-mail address, sign in, rotate and revoke refresh tokens, reset the password."),
        ("Me", "The signed-in account."),
        ("Assets", "Images, video and audio: private to their owner unless shared. Upload and download through presigned URLs."),
        ("Sharing", "Per-person roles on an asset (viewer, editor, manager) with optional expiry, and public links to it with optional expiry, password and download limit."),
        ("Groups", "People given access together. The creator owns a group; the owner and admins manage its members; every member sees the group and its members, and to anyone else it does not exist."),
        ("Public links", "What anyone holding a public link's token may do, without signing in."),
        ("Activity", "The activity log of an asset."),
        ("Administration", "Account administration. Administrators manage accounts, never other people's content."),
        ("Storage", "Upload and download URLs of the embedded filesystem store (presigned like S3's)."),
        ("Operations", "Liveness and readiness probes."),
    ];

    /// <summary>How the API writes JSON (see Program.cs): examples are written the same way.</summary>
    private static readonly JsonSerializerOptions ExampleJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public static IServiceCollection AddOpenApiDocumentation(this IServiceCollection services) =>
        services.AddOpenApiDocument(settings =>
        {
            settings.DocumentName = "v1";
            settings.Title = "MediaVault API";
            settings.Version = "v1";
            settings.Description =
                "Private-by-default images, video and audio, shared per person (viewer, editor, manager) or by public link. "
                + "Errors are RFC 9457 problem details; a resource you may not see answers 404 exactly like one that does not exist. "
                + "Lists are keyset-paginated: pass nextCursor back as cursor.\n\n"
                + "Problem types (the `type` member of every error body): "
                + $"`{ProblemTypes.Validation}` (400, with `errors` keyed by camelCase field), "
                + $"`{ProblemTypes.BadRequest}` (400, unreadable body), `{ProblemTypes.Unauthorized}` (401), "
                + $"`{ProblemTypes.Forbidden}` (403: you can see it, your role does not allow this), "
                + $"`{ProblemTypes.NotFound}` (404: missing or not yours, indistinguishable), "
                + $"`{ProblemTypes.Conflict}` (409), `{ProblemTypes.QuotaExceeded}` (409: storage quota), "
                + $"`{ProblemTypes.Unavailable}` (503, with Retry-After: the database or object store did not answer), "
                + $"`{ProblemTypes.Internal}` (500).";
            settings.AddSecurity("Bearer", new OpenApiSecurityScheme
            {
                Type = OpenApiSecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "The accessToken from POST /api/v1/auth/login.",
            });
            settings.OperationProcessors.Add(new AspNetCoreOperationSecurityScopeProcessor("Bearer"));
            settings.OperationProcessors.Add(new EndpointMetadataOperationProcessor());
            settings.OperationProcessors.Add(new AllowedValuesOperationProcessor());
            settings.OperationProcessors.Add(new ProblemResponsesOperationProcessor());
            settings.OperationProcessors.Add(new ExamplesOperationProcessor(ExampleJson));
            settings.PostProcess = document =>
            {
                document.Info.License = new OpenApiLicense { Name = "MIT", Url = "https://opensource.org/licenses/MIT" };
                foreach (var (code, response) in document.Operations.SelectMany(o => o.Operation.Responses))
                {
                    if (string.IsNullOrEmpty(response.Description)
                        && int.TryParse(code, System.Globalization.CultureInfo.InvariantCulture, out var status))
                    {
                        response.Description = ResponseDescriptions.For(status);
                    }
                }

                // Every tag used by an operation is declared once, with what it groups (a tag missing from the table
                // gets a plain description rather than none: add it to the table).
                var used = document.Operations.SelectMany(o => o.Operation.Tags).Distinct().ToList();
                foreach (var (name, description) in TagDescriptions.Where(t => used.Contains(t.Name))
                    .Concat(used.Where(u => TagDescriptions.All(t => t.Name != u)).Select(u => (Name: u, Description: $"Operations on {u}."))))
                {
                    if (document.Tags.All(t => t.Name != name))
                    {
                        document.Tags.Add(new OpenApiTag { Name = name, Description = description });
                    }
                }
            };
        });
}
