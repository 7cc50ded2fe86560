using System.Net;
using System.Text;
using System.Text.Json;
using MediaVault.Integration.Tests.Support;

namespace MediaVault.Integration.Tests.Hardening;

/// <summary>Requests as an attacker writes them: bodies of raw bytes, any content type, no serializer in between.</summary>
internal static class RawRequests
{
    /// <summary>A request body of exactly <paramref name="bytes"/>, labelled <paramref name="contentType"/>.</summary>
    public static async Task<HttpResponseMessage> SendBytesAsync(
        this HttpClient client, HttpMethod method, string path, byte[] bytes, string contentType = "application/json")
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> SendJsonTextAsync(this HttpClient client, HttpMethod method, string path, string json) =>
        client.SendBytesAsync(method, path, Encoding.UTF8.GetBytes(json));

    /// <summary>UTF-8 of <paramref name="before"/>, then bytes that are not UTF-8 (a lone continuation byte, an overlong
    /// form, a byte never used), then UTF-8 of <paramref name="after"/>.</summary>
    public static byte[] WithInvalidUtf8(string before, string after) =>
        [.. Encoding.UTF8.GetBytes(before), 0x80, 0xC0, 0xAF, 0xFF, .. Encoding.UTF8.GetBytes(after)];

    /// <summary>
    /// Asserts a 400 validation problem whose <c>errors</c> names <paramref name="field"/>, with every member the
    /// contract lists for a problem; returns the problem.
    /// </summary>
    public static async Task<JsonElement> ShouldBeValidationProblemAsync(this HttpResponseMessage response, string field)
    {
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.ShouldHaveEveryProblemMember();
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue($"errors should name {field}: {problem}");
        return problem;
    }

    /// <summary><c>type</c>, <c>title</c>, <c>status</c> and <c>detail</c>, each with a value (RFC 9457, the contract).</summary>
    public static void ShouldHaveEveryProblemMember(this JsonElement problem)
    {
        foreach (var member in new[] { "type", "title", "detail" })
        {
            problem.TryGetProperty(member, out var value).ShouldBeTrue($"the problem has no {member}: {problem}");
            value.ValueKind.ShouldBe(JsonValueKind.String);
            value.GetString().ShouldNotBeNullOrWhiteSpace();
        }

        problem.GetProperty("status").ValueKind.ShouldBe(JsonValueKind.Number);
    }
}
