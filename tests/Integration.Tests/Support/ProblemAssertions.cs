using System.Net;
using System.Text.Json;

namespace MediaVault.Integration.Tests.Support;

public static class ProblemAssertions
{
    /// <summary>Asserts the status, the problem+json media type and the RFC 9457 members; returns the body.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        problem.GetProperty("status").GetInt32().ShouldBe((int)status);
        problem.GetProperty("type").GetString().ShouldNotBeNullOrEmpty();
        problem.GetProperty("title").GetString().ShouldNotBeNullOrEmpty();
        body.ShouldNotContain("Exception");
        body.ShouldNotContain("   at ");
        return problem;
    }

    public static async Task<JsonElement> ShouldBeJsonAsync(this HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.OK)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
