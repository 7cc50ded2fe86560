using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MediaVault.WebApi.Infrastructure;

/// <summary>
/// The body of <c>GET /health/ready</c>: the overall status and, per check, its status, description and data (the job
/// queue's depth per kind). No exception text: descriptions are fixed sentences.
/// </summary>
internal static class HealthResponses
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        };
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsJsonAsync(body, Json, context.RequestAborted);
    }
}
