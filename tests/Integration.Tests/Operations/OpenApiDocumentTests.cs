using System.Text.Json;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Integration.Tests.Support;

namespace MediaVault.Integration.Tests.Operations;

/// <summary>
/// What the served OpenAPI document promises consumers and their generators (the database plays no part: one provider).
/// The linters (Redocly, Spectral) run over the same document in the TypeScript tests.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
public sealed class OpenApiDocumentTests(DatabaseProvider provider)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];
    private MediaVaultApi _api = null!;
    private JsonElement _document;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _api = await MediaVaultApi.StartAsync(provider);
        using var client = _api.CreateClient();
        _document = await (await client.GetAsync(new Uri("/swagger/v1/swagger.json", UriKind.Relative))).ShouldBeJsonAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    private IEnumerable<(string Name, JsonElement Operation)> Operations() =>
        from path in _document.GetProperty("paths").EnumerateObject()
        from method in path.Value.EnumerateObject()
        where Methods.Contains(method.Name)
        select ($"{method.Name.ToUpperInvariant()} {path.Name}", method.Value);

    private JsonElement Schema(string name) => _document.GetProperty("components").GetProperty("schemas").GetProperty(name);

    [Test]
    public void Security_OnAnonymousOperations_IsAnEmptyList()
    {
        var login = _document.GetProperty("paths").GetProperty("/api/v1/auth/login").GetProperty("post");
        login.GetProperty("security").GetArrayLength().ShouldBe(0);
        var me = _document.GetProperty("paths").GetProperty("/api/v1/me").GetProperty("get");
        me.GetProperty("security")[0].TryGetProperty("Bearer", out _).ShouldBeTrue();
        Operations().Where(o => !o.Operation.TryGetProperty("security", out _)).Select(o => o.Name).ShouldBeEmpty();
    }

    [Test]
    public void Servers_NameTheServingHostRelatively() =>
        _document.GetProperty("servers")[0].GetProperty("url").GetString().ShouldBe("/");

    [Test]
    public void Examples_OnEveryRequestAndResponseBody_ArePresent()
    {
        var missing =
            from operation in Operations()
            from body in Bodies(operation.Operation)
            from media in body.Content.EnumerateObject()
            where !media.Value.TryGetProperty("example", out _)
            select $"{operation.Name} {body.Where} {media.Name}";
        missing.ShouldBeEmpty();
    }

    [Test]
    public void Examples_OfAKnownType_AreTheHandWrittenOnes()
    {
        var create = _document.GetProperty("paths").GetProperty("/api/v1/assets").GetProperty("post");
        var request = create.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example");
        request.GetProperty("fileName").GetString().ShouldBe("holiday.mp4");
        var notFound = _document.GetProperty("paths").GetProperty("/api/v1/assets/{id}").GetProperty("get")
            .GetProperty("responses").GetProperty("404").GetProperty("content").GetProperty("application/problem+json").GetProperty("example");
        notFound.GetProperty("status").GetInt32().ShouldBe(404);
        notFound.GetProperty("type").GetString().ShouldBe("https://mediavault.dev/problems/not-found");
    }

    [Test]
    public void RequestSchemas_AllowUnknownFields_AndRequireWhatIsNotNullable()
    {
        var create = Schema("CreateAssetRequest");
        create.GetProperty("additionalProperties").GetBoolean().ShouldBeTrue();
        create.GetProperty("required").EnumerateArray().Select(r => r.GetString()).ShouldBe(["fileName", "contentType", "sizeBytes"], ignoreOrder: true);
        Schema("LoginRequest").GetProperty("required").EnumerateArray().Select(r => r.GetString()).ShouldBe(["email", "password"], ignoreOrder: true);
    }

    [Test]
    public void ResponseSchemas_RequireEveryField()
    {
        var asset = Schema("AssetResponse");
        var properties = asset.GetProperty("properties").EnumerateObject().Select(p => p.Name);
        asset.GetProperty("required").EnumerateArray().Select(r => r.GetString()).ShouldBe(properties, ignoreOrder: true);
    }

    [Test]
    public void NullableReferences_AreTypedWithoutOneOf()
    {
        var role = Schema("AccessResponse").GetProperty("properties").GetProperty("role");
        role.GetProperty("type").GetString().ShouldBe("string");
        role.TryGetProperty("oneOf", out _).ShouldBeFalse();
        role.GetProperty("enum").EnumerateArray().ShouldContain(v => v.ValueKind == JsonValueKind.Null);
        Objects(_document).Where(o => o.TryGetProperty("oneOf", out var oneOf) && oneOf.GetArrayLength() == 1).ShouldBeEmpty();
        Objects(_document).Where(o => o.TryGetProperty("nullable", out _) && !o.TryGetProperty("type", out _)).ShouldBeEmpty();
    }

    [Test]
    public void ErrorResponses_AreProblemJson()
    {
        var errors =
            from operation in Operations()
            from response in operation.Operation.GetProperty("responses").EnumerateObject()
            where response.Name[0] is '4' or '5' && response.Value.TryGetProperty("content", out _)
            where !response.Value.GetProperty("content").TryGetProperty("application/problem+json", out _)
            select $"{operation.Name} {response.Name}";
        errors.ShouldBeEmpty();
    }

    private static IEnumerable<JsonElement> Objects(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Objects(p.Value)).Prepend(element),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Objects),
        _ => [],
    };

    [Test]
    public void Responses_EachStatus_HasADescription()
    {
        var undescribed =
            from operation in Operations()
            from response in operation.Operation.GetProperty("responses").EnumerateObject()
            where string.IsNullOrWhiteSpace(response.Value.TryGetProperty("description", out var d) ? d.GetString() : null)
            select $"{operation.Name} {response.Name}";
        undescribed.ShouldBeEmpty();
    }

    private static IEnumerable<(string Where, JsonElement Content)> Bodies(JsonElement operation)
    {
        if (operation.TryGetProperty("requestBody", out var body) && body.TryGetProperty("content", out var content))
        {
            yield return ("request", content);
        }

        foreach (var response in operation.GetProperty("responses").EnumerateObject())
        {
            if (response.Value.TryGetProperty("content", out var responseContent))
            {
                yield return (response.Name, responseContent);
            }
        }
    }
}
