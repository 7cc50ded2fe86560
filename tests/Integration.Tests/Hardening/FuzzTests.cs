using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MediaVault.Infrastructure.Configuration;
using MediaVault.Integration.Tests.Support;
using MediaVault.WebApi.Infrastructure;
using static MediaVault.Integration.Tests.Support.SeedSharing;

namespace MediaVault.Integration.Tests.Hardening;

/// <summary>
/// Generated malformed requests against every operation of the OpenAPI document (plus the store's own URLs, which the
/// document leaves out): truncated JSON, wrong types, huge numbers, deep nesting, invalid UTF-8, control characters,
/// nulls, huge arrays, wrong content types, bad ids, limits, cursors and enums, garbage tokens; anonymous and signed
/// in, over a real Kestrel. The generator is seeded (the seed is in the test name and its output), so a failure is
/// replayed exactly.
/// Every answer must be below 500; every 4xx a problem+json; no body may carry a stack trace, SQL or a type name.
/// </summary>
[TestFixture(DatabaseProvider.Postgres)]
[TestFixture(DatabaseProvider.Sqlite)]
public sealed class FuzzTests(DatabaseProvider provider)
{
    private const int Seed = 20261206;
    private const int Cases = 2_400;

    /// <summary>What no answer may contain: stack frames, exception or type names, SQL.</summary>
    private static readonly string[] Leaks =
        ["   at ", "Exception", "Npgsql", "Microsoft.", "System.", "SQLite", "SqlState", "SELECT ", "INSERT INTO", "UPDATE \"", "syntax error", "StackTrace"];

    private static readonly string[] CalmTags = ["calm"];

    private MediaVaultApi _api = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _api = await MediaVaultApi.StartAsync(
        provider,
        overrides: new Dictionary<string, string?> { ["RateLimiting:PublicLinkPermitsPerMinute"] = "100000" },
        kestrel: true);

    [OneTimeTearDown]
    public async Task StopAsync() => await _api.DisposeAsync();

    [Test]
    public async Task Fuzz_Seed20261206_EveryOperationAnswersMalformedInputWithA4xxProblemAndKeepsWorking()
    {
        TestContext.Out.WriteLine($"fuzz seed {Seed}, {Cases} cases, {provider}");
        var world = await World.ArrangeAsync(_api);
        var operations = await OperationsAsync();
        operations.Count.ShouldBeGreaterThan(20, "the OpenAPI document lists the API's operations");
        var generator = new Generator(new Random(Seed), world, operations);
        // Over a real Kestrel and a socket, with header values sent byte for byte (Latin-1) as an attacker's client would.
        using var probe = _api.CreateClient();
        using var client = new HttpClient(new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => Encoding.Latin1 })
        {
            BaseAddress = probe.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        var clock = Stopwatch.StartNew();

        for (var n = 0; n < Cases; n++)
        {
            var fuzzCase = generator.Next();
            var failure = await SendAndCheckAsync(client, fuzzCase, statuses);
            if (failure is not null && failures.Count < 25)
            {
                failures.Add($"case {n}: {fuzzCase} → {failure}");
            }
        }

        TestContext.Out.WriteLine($"{Cases} cases in {clock.Elapsed.TotalSeconds:F1} s; statuses: {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");
        failures.ShouldBeEmpty(string.Join('\n', failures));
        await NormalCallsStillWorkAsync();
    }

    private static async Task<string?> SendAndCheckAsync(HttpClient client, FuzzCase fuzzCase, SortedDictionary<int, int> statuses)
    {
        HttpResponseMessage response;
        try
        {
            using var request = fuzzCase.ToRequest();
            response = await client.SendAsync(request);
        }
        catch (HttpRequestException) when (fuzzCase.Body is { Length: > RequestHardening.MaxJsonBodyBytes })
        {
            // Refused on its request line alone (a path with %00), the request gets its answer and the connection closes
            // while the client is still sending the body, so the client never reads the answer. The answer to the
            // request line is what is checked: the same request without the body.
            using var request = (fuzzCase with { Body = [] }).ToRequest();
            response = await client.SendAsync(request);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            return $"no answer ({e.GetType().Name}: {e.Message})";
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var body = await response.Content.ReadAsStringAsync();
            if (status >= 500)
            {
                return $"{status}: {Shorten(body)}";
            }

            // The verification link in the mail is a page for a person: a browser that asks for HTML gets HTML (the one
            // 4xx that is not a problem, documented in the operation's description).
            var browserPage = fuzzCase.Target.StartsWith("/api/v1/auth/verify-email", StringComparison.Ordinal) && fuzzCase.Method == "GET"
                && fuzzCase.Accept?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true
                && response.Content.Headers.ContentType?.MediaType == "text/html";
            if (status >= 400 && !browserPage && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                return $"{status} as {response.Content.Headers.ContentType?.MediaType ?? "no content type"}: {Shorten(body)}";
            }

            if (Leaks.FirstOrDefault(leak => body.Contains(leak, StringComparison.Ordinal)) is { } leaked)
            {
                return $"{status} leaks \"{leaked}\": {Shorten(body)}";
            }

            if (status >= 400 && !browserPage)
            {
                using var problem = JsonDocument.Parse(body);
                foreach (var member in new[] { "type", "title", "status", "detail" })
                {
                    if (!problem.RootElement.TryGetProperty(member, out _))
                    {
                        return $"{status} problem without {member}: {Shorten(body)}";
                    }
                }
            }
        }

        return null;
    }

    /// <summary>After the storm: a new account registers an upload, lists it and reads it; the host is ready.</summary>
    private async Task NormalCallsStillWorkAsync()
    {
        var owner = await _api.OwnerAsync();
        using var client = _api.ClientFor(owner.Value);
        var created = await client.RegisterAsync("after-fuzz.png", "image/png", 100, extra: new { title = "after the fuzz", tags = CalmTags });
        var id = created.GetProperty("asset").GetProperty("id").GetGuid();
        var list = await (await client.GetAsync(Url("/api/v1/assets?scope=owned&tag=calm"))).ShouldBeJsonAsync();
        list.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid().ShouldBe(id);
        (await client.GetAsync(Url($"/api/v1/assets/{id}"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync(Url("/health/ready"))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>Every operation the host's own OpenAPI document lists, and the store's URLs it leaves out on purpose.</summary>
    private async Task<List<Operation>> OperationsAsync()
    {
        using var client = _api.CreateClient();
        var document = await (await client.GetAsync(Url("/swagger/v1/swagger.json"))).ShouldBeJsonAsync();
        var operations = new List<Operation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject().Where(m => m.Name is "get" or "post" or "put" or "patch" or "delete"))
            {
                var query = method.Value.TryGetProperty("parameters", out var parameters)
                    ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!).ToList()
                    : [];
                var body = method.Value.TryGetProperty("requestBody", out var requestBody)
                    && requestBody.GetProperty("content").TryGetProperty("application/json", out var json)
                    ? Properties(document, json.GetProperty("schema"))
                    : null;
                operations.Add(new Operation(method.Name.ToUpperInvariant(), path.Name, query, body));
            }
        }

        operations.Add(new Operation("PUT", "/api/v1/storage/objects/{key}", [], null));
        operations.Add(new Operation("GET", "/api/v1/storage/objects/{key}", ["expires", "signature"], null));
        return operations;
    }

    /// <summary>The properties of a body schema, followed through $ref, allOf and oneOf: name → JSON type.</summary>
    private static Dictionary<string, string> Properties(JsonElement document, JsonElement schema)
    {
        for (var depth = 0; depth < 5; depth++)
        {
            if (schema.TryGetProperty("$ref", out var reference))
            {
                schema = reference.GetString()!.Split('/').Skip(1).Aggregate(document, (node, part) => node.GetProperty(part));
            }
            else if ((schema.TryGetProperty("allOf", out var all) || schema.TryGetProperty("oneOf", out all) || schema.TryGetProperty("anyOf", out all))
                && all.GetArrayLength() > 0)
            {
                schema = all[0];
            }
            else
            {
                break;
            }
        }

        return schema.TryGetProperty("properties", out var properties)
            ? properties.EnumerateObject().ToDictionary(
                p => p.Name,
                p => p.Value.TryGetProperty("type", out var type) ? type.GetString() ?? "string" : p.Value.TryGetProperty("$ref", out _) ? "object" : "string")
            : [];
    }

    private static string Shorten(string text) => text.Length <= 400 ? text : text[..400] + "…";

    /// <summary>One operation: method, path template, query parameter names, and body properties (null: no JSON body).</summary>
    private sealed record Operation(string Method, string Path, List<string> Query, Dictionary<string, string>? Body);

    /// <summary>The data the cases point at, so that some of them reach deep into the handlers.</summary>
    private sealed record World(Guid Asset, Guid Grant, Guid Link, string LinkToken, string LinkPassword, string OwnerToken, string AdminToken, string Key)
    {
        public static async Task<World> ArrangeAsync(MediaVaultApi api)
        {
            var owner = await api.OwnerAsync();
            var asset = await api.AssetAsync(owner, title: "fuzzed", tags: ["fuzz"]);
            var grantee = await api.AccountAsync();
            var grant = await api.ShareAsync(asset.Id, grantee.Id, Domain.Access.AccessRole.Viewer);
            using var client = api.ClientFor(owner.Value);
            const string password = "fuzz link password";
            var link = await client.CreateLinkAsync(asset.Id, new { password });
            var admin = await api.AccountAsync(roles: ["admin"]);
            return new World(
                asset.Id.Value,
                grant.Value,
                link.GetProperty("id").GetGuid(),
                link.GetProperty("token").GetString()!,
                password,
                TestTokens.For(owner.Value, lifetime: TimeSpan.FromHours(1)),
                TestTokens.For(admin.Value, lifetime: TimeSpan.FromHours(1), roles: "admin"),
                asset.StorageKey);
        }
    }

    /// <summary>One generated request, described for the failure message.</summary>
    private sealed record FuzzCase(string Method, string Target, string? Authorization, byte[]? Body, string? ContentType, string? Accept, string Description)
    {
        public HttpRequestMessage ToRequest()
        {
            var request = new HttpRequestMessage(new HttpMethod(Method), new Uri(Target, UriKind.Relative));
            if (Authorization is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", Authorization);
            }

            if (Accept is not null)
            {
                request.Headers.TryAddWithoutValidation("Accept", Accept);
            }

            if (Body is not null)
            {
                request.Content = new ByteArrayContent(Body);
                if (ContentType is not null)
                {
                    request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
                }
            }

            return request;
        }

        public override string ToString() =>
            $"{Method} {(Target.Length > 200 ? Target[..200] + "…" : Target)} auth={Authorization?.Length.ToString(CultureInfo.InvariantCulture) ?? "none"} type={ContentType ?? "none"} accept={Accept ?? "none"} body={Description}";
    }

    /// <summary>Builds the cases from one seeded <see cref="Random"/>: same seed, same cases, same order.</summary>
    private sealed class Generator(Random random, World world, List<Operation> operations)
    {
        private static readonly string[] Controls = ["\u0000", "\u0001", "\u0008", "\u001b", "\u007f", "\u0085", "\u009f", "\u2028"];

        private static readonly string[] BadIds =
        [
            "not-a-guid", "00000000-0000-0000-0000-000000000000", "%00", "..%2F..%2Fetc%2Fpasswd", "%FF%FE", "%C0%AF", "caf%C3%A9",
            "%E2%80%AE", "12345", "{id}", "%20", "-1", "1e400", "%25", "a%0Ab", new string('9', 2_000),
        ];

        private static readonly string[] BadQueryValues =
        [
            "-1", "0", "101", "100000000000", "abc", "", "1.5", "%00", "%1F", "%C2%85", "%ZZ", "%C0%AF", "%FF", "null", "true",
            "[]", "%7B%7D", "ALL", "Image", "image,video", "%E2%80%AE", new string('x', 5_000), "AAAA", "eyJhIjoxfQ", "!!!",
        ];

        private int _count;

        public FuzzCase Next()
        {
            _count++;
            var operation = operations[random.Next(operations.Count)];
            var method = random.Next(25) == 0 ? Pick(["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]) : operation.Method;
            var target = Path(operation.Path) + Query(operation.Query);
            var authorization = Authorization();
            var accept = random.Next(10) == 0 ? Pick(["text/html", "application/xml", "*/*", "application/problem+json", "text/plain;q=0.1", Latin1Garbage()]) : null;
            if (operation.Body is null && random.Next(4) != 0)
            {
                return new FuzzCase(method, target, authorization, null, null, accept, "none");
            }

            var (body, description) = Body(operation.Body ?? []);
            return new FuzzCase(method, target, authorization, body, ContentType(), accept, description);
        }

        private string Path(string template)
        {
            var path = template;
            foreach (var (name, good) in new[]
            {
                ("{id}", world.Asset.ToString()), ("{grantId}", world.Grant.ToString()), ("{linkId}", world.Link.ToString()),
                ("{token}", world.LinkToken), ("{key}", world.Key), ("{**key}", world.Key),
            })
            {
                if (!path.Contains(name, StringComparison.Ordinal))
                {
                    continue;
                }

                var value = random.Next(3) switch
                {
                    0 => good,
                    1 => Guid.NewGuid().ToString(random.Next(2) == 0 ? "D" : "N"),
                    _ => Pick(BadIds),
                };
                path = path.Replace(name, value, StringComparison.Ordinal);
            }

            return random.Next(30) == 0 ? path + Pick(["/", "/%00", "/..", "//x", "%2F", "/extra/segment"]) : path;
        }

        private string Query(List<string> names)
        {
            var pairs = new List<string>();
            foreach (var name in names.Where(_ => random.Next(2) == 0))
            {
                pairs.Add($"{name}={Pick(BadQueryValues)}");
            }

            if (random.Next(8) == 0)
            {
                pairs.Add($"{Pick(["limit", "cursor", "scope", "kind", "q", "tag", "disposition", "unknown", "%00", ""])}={Pick(BadQueryValues)}");
            }

            if (random.Next(40) == 0)
            {
                pairs.Add(string.Join('&', Enumerable.Repeat("limit=1", 200)));
            }

            return pairs.Count == 0 ? string.Empty : "?" + string.Join('&', pairs);
        }

        private string? Authorization() => random.Next(8) switch
        {
            0 or 1 => null,
            2 or 3 => $"Bearer {world.OwnerToken}",
            4 => $"Bearer {world.AdminToken}",
            5 => Pick(["Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "bearer x.y.z", "Bearer a.b", $"Bearer {world.OwnerToken}x", "Bearer ...", "Bearer " + new string('a', 8_000)]),
            6 when random.Next(2) == 0 => "Bearer " + Latin1Garbage(),
            6 => $"Bearer {TestTokens.AlgNone(Guid.NewGuid())}",
            _ => $"Bearer {TestTokens.For(Guid.NewGuid(), lifetime: TimeSpan.FromMinutes(-10))}",
        };

        private string? ContentType() => random.Next(12) switch
        {
            0 => null,
            1 => Pick(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml"]),
            2 => Pick(["application/json; charset=iso-8859-1", "application/json; charset=utf-16", "application/json;;;", "json", "application/problem+json"]),
            _ => "application/json",
        };

        /// <summary>Bytes that are not ASCII (nor CR, LF or NUL), as Latin-1 characters: a raw socket's header value.</summary>
        private string Latin1Garbage()
        {
            var bytes = new byte[random.Next(1, 64)];
            random.NextBytes(bytes);
            return Encoding.Latin1.GetString([.. bytes.Select(b => b is 0 or 10 or 13 ? (byte)0xA0 : b)]);
        }

        private (byte[] Body, string Description) Body(Dictionary<string, string> properties)
        {
            var valid = ValidBody(properties);
            var kind = random.Next(17);
            switch (kind)
            {
                case 0:
                    return (Utf8(valid.ToJsonString()), "plausible");
                case 1:
                case 2:
                case 3:
                case 4:
                case 5:
                {
                    if (properties.Count == 0)
                    {
                        return (Utf8("{\"unknown\":" + Value() + "}"), "unknown property");
                    }

                    var name = Pick([.. properties.Keys]);
                    var value = Value();
                    valid[name] = JsonNode.Parse(value);
                    return (Utf8(valid.ToJsonString()), $"{name}={Describe(value)}");
                }

                case 6:
                {
                    var text = valid.ToJsonString();
                    return (Utf8(text[..random.Next(text.Length)]), "truncated");
                }

                case 7:
                {
                    var depth = Pick([65, 200, 5_000]);
                    var nested = random.Next(2) == 0
                        ? new string('[', depth) + new string(']', depth)
                        : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
                    return (Utf8(nested), $"nested {depth}");
                }

                case 8:
                {
                    var bytes = Utf8(valid.ToJsonString());
                    var at = random.Next(bytes.Length);
                    byte[] bad = [Pick<byte>([0x80, 0xC0, 0xC1, 0xF5, 0xFF, 0xFE]), Pick<byte>([0x80, 0xAF, 0x28, 0x00])];
                    return ([.. bytes[..at], .. bad, .. bytes[at..]], "invalid UTF-8");
                }

                case 9:
                {
                    var bytes = new byte[random.Next(1, 512)];
                    random.NextBytes(bytes);
                    return (bytes, "random bytes");
                }

                case 10:
                    return ([], "empty");
                case 11:
                    return (Utf8(Pick(["null", "[]", "\"text\"", "42", "true", "[{}]", "{}", "{\"a\":1,\"a\":2}", "{'single':'quotes'}", "{\"a\":1,}", "/* c */ {}", "\uFEFF{}"])), "other root");
                case 12:
                {
                    var name = properties.Count > 0 ? Pick([.. properties.Keys]) : "tags";
                    var count = Pick([1_000, 50_000]);
                    var element = Pick(["\"t\"", "null", "{}", "1", "\"\\u0000\""]);
                    valid[name] = JsonNode.Parse("[" + string.Join(',', Enumerable.Repeat(element, count)) + "]");
                    return (Utf8(valid.ToJsonString()), $"{name}=[{count}× {Describe(element)}]");
                }

                case 13:
                {
                    var duplicate = properties.Count > 0 ? Pick([.. properties.Keys]) : "x";
                    var text = valid.ToJsonString();
                    return (Utf8(text.TrimEnd('}') + (text.Length > 2 ? "," : string.Empty) + $"\"{duplicate}\":{Value()}}}"), $"duplicate {duplicate}");
                }

                case 14:
                    return random.Next(4) == 0
                        ? (Utf8("{\"title\":\"" + new string('x', 1_100_000) + "\"}"), "over 1 MiB")
                        : (Utf8("{\"title\":\"" + new string('x', 200_000) + "\"}"), "200 kB title");
                default:
                {
                    // Escapes that are JSON but not text: lone surrogates, NUL.
                    var name = properties.Count > 0 ? Pick([.. properties.Keys]) : "title";
                    var escape = Pick(["\\ud800", "\\udfff", "\\u0000", "x\\ud83dx", "\\uDBFF\\uDBFF"]);
                    valid.Remove(name);
                    var text = valid.ToJsonString();
                    return (Utf8(text.TrimEnd('}') + (text.Length > 2 ? "," : string.Empty) + $"\"{name}\":\"a{escape}b\"}}"), $"{name} with {escape}");
                }
            }
        }

        /// <summary>A body with plausible values for each property, as a client would send it.</summary>
        private JsonObject ValidBody(Dictionary<string, string> properties)
        {
            var body = new JsonObject();
            foreach (var (name, type) in properties)
            {
                body[name] = name switch
                {
                    "email" or "granteeEmail" => $"fuzz{_count}@example.com",
                    "password" or "newPassword" => random.Next(2) == 0 ? world.LinkPassword : "correct horse battery staple",
                    "fileName" => "fuzz.png",
                    "contentType" => "image/png",
                    "sizeBytes" => 100,
                    "role" => Pick(["viewer", "editor", "manager"]),
                    "tags" => new JsonArray("fuzz", "more"),
                    "parts" => new JsonArray(new JsonObject { ["partNumber"] = 1, ["etag"] = "\"e\"" }),
                    "expiresAt" => DateTimeOffset.UtcNow.AddDays(1).ToString("O", CultureInfo.InvariantCulture),
                    "maxDownloads" => 3,
                    "userId" => Guid.NewGuid().ToString(),
                    _ => type switch
                    {
                        "integer" or "number" => 1,
                        "boolean" => true,
                        "array" => new JsonArray(),
                        "object" => new JsonObject(),
                        _ => "fuzz",
                    },
                };
            }

            return body;
        }

        /// <summary>A JSON value of a wrong type, a huge or odd number, or a string with control characters.</summary>
        private string Value() => random.Next(10) switch
        {
            0 => "null",
            1 => Pick(["1e309", "-1e309", "99999999999999999999999999999", "-9223372036854775809", "9223372036854775808", "1.5", "-0", "0", "-1", "2147483648"]),
            2 => Pick(["true", "false", "[]", "{}", "[null]", "{\"a\":{}}", "[[[]]]"]),
            3 => JsonSerializer.Serialize("x" + Pick(Controls) + "y"),
            4 => JsonSerializer.Serialize(new string('w', Pick([201, 5_000, 100_000]))),
            5 => JsonSerializer.Serialize(Pick(["", " ", "\t", "../../etc/passwd", "a/b\\c", "'; DROP TABLE assets; --", "%00", "\u202Eevil", "😀", "image/svg+xml", "text/html"])),
            6 => JsonSerializer.Serialize(Pick(["2026-13-45T99:99:99Z", "yesterday", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "1970-01-01T00:00:00+14:00"])),
            7 => JsonSerializer.Serialize(Guid.NewGuid().ToString()),
            8 => Pick(["\"" + world.Asset + "\"", "\"not-a-guid\"", "\"00000000-0000-0000-0000-000000000000\""]),
            _ => JsonSerializer.Serialize(Pick(["NaN", "Infinity", "undefined", "0x10", "01", "+1", ".5", "'x'"])),
        };

        private static string Describe(string value) => value.Length <= 40 ? value : $"{value[..40]}…({value.Length})";

        private T Pick<T>(T[] values) => values[random.Next(values.Length)];

        private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
    }
}
