using System.Text.Json;
using System.Text.Json.Serialization;
using MediaVault.Application;
using MediaVault.Infrastructure;
using MediaVault.WebApi.Endpoints;
using MediaVault.WebApi.Infrastructure;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.Extensions.Logging.Console;

// The slim builder: no IIS integration, no HTTP/3 (QUIC), no hosting startup assemblies, no static web assets, none
// of which the API uses; each costs an assembly and its types in every process (ADR-088). Kestrel's HTTPS endpoints
// stay configurable (Kestrel:Endpoints), for an operator who terminates TLS at the API rather than at a proxy.
var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.UseKestrelHttpsConfiguration();

builder.Services.AddApplication();
builder.Services.AddInfrastructure(builder.Configuration, builder.Environment);
builder.Services.AddJwtAuthentication(builder.Configuration, builder.Environment);
builder.Services.AddApiRateLimiting(builder.Configuration);
builder.Services.AddTrustedForwardedHeaders(builder.Configuration);
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<MediaVault.Application.Abstractions.ICurrentUser, HttpCurrentUser>();
builder.Services.AddScoped<MediaVault.Application.Abstractions.IClientAddress, HttpClientAddress>();

builder.Services.Configure<JsonOptions>(options => ConfigureJson(options.SerializerOptions));
builder.Services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(options => ConfigureJson(options.JsonSerializerOptions));
builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = Problems.Complete);
builder.Services.AddRequestHardening();
builder.Services.AddExceptionHandler<ApiExceptionHandler>();

// Structured request logs: method, path, status and duration. No headers, no query strings, no bodies: they carry
// tokens and passwords.
builder.Services.AddHttpLogging(options =>
{
    options.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath
        | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
    options.CombineLogs = true;
});
builder.Services.AddHttpLoggingInterceptor<PublicLinkLogRedaction>();
if (builder.Environment.IsProduction())
{
    // One JSON object per line (structured, for a log shipper). The console logger writes from a queue on its own
    // thread; when stdout cannot keep up, lines are dropped rather than making requests wait for the console.
    builder.Logging.AddJsonConsole(options =>
    {
        options.UseUtcTimestamp = true;
        options.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z' ";
    });
    builder.Services.Configure<ConsoleLoggerOptions>(options => options.QueueFullMode = ConsoleLoggerQueueFullMode.DropWrite);
}

builder.Services.AddEndpointsApiExplorer();
builder.Services.AddOpenApiDocumentation();

var app = builder.Build();

await app.Services.MigrateDatabaseAsync();

app.UseForwardedHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRequestPathCheck();
app.UseHttpLogging();
app.UseSharedRateLimits();
app.UseAuthentication();
app.UseAuthorization();
app.UseJsonBodyCheck();

app.UseOpenApiDocumentRewriter();
app.UseOpenApi();
app.UseSwaggerUi(ui =>
{
    ui.DocumentTitle = "MediaVault API";
    ui.DocExpansion = "list";
    ui.PersistAuthorization = true;
    ui.EnableTryItOut = true;
});

// Health probes are not request-logged: a load balancer asks every few seconds, and the line would say nothing.
// The liveness probe answers from the routing middleware itself (ShortCircuit): no forwarded-header, logging, rate-limit,
// authentication or body middleware runs for it, since none of them can change "the process runs".
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).WithTags("Operations").ShortCircuit();
app.MapHealthChecks("/health/ready", new HealthCheckOptions
{
    Predicate = check => check.Tags.Contains("ready"),
    ResultStatusCodes = { [Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable },
    ResponseWriter = HealthResponses.WriteAsync,
}).WithTags("Operations").WithHttpLogging(HttpLoggingFields.None);

var api = app.MapGroup("/api/v1");
api.MapAssetEndpoints();
api.MapAccessEndpoints();
api.MapAssetMediaEndpoints();
api.MapAuthEndpoints();
api.MapMeEndpoints();
api.MapGrantEndpoints();
api.MapGroupEndpoints();
api.MapCollectionEndpoints();
api.MapLinkEndpoints();
api.MapCollectionLinkEndpoints();
api.MapDropEndpoints();
api.MapActivityEndpoints();
api.MapAdminEndpoints();
api.MapStorageEndpoints();
api.MapTrashEndpoints();

await app.RunAsync();

static void ConfigureJson(JsonSerializerOptions options)
{
    options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
    options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
    // Generated metadata for the contracts first; reflection for anything else (ProblemDetails, health, NSwag).
    options.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
}

/// <summary>The entry point, visible to the integration tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
