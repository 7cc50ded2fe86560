using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MediaVault.WebApi.Infrastructure;

/// <summary>
/// The last step before the OpenAPI document leaves the server: corrections that NSwag's object model cannot express,
/// applied to the serialized JSON (NSwag's serializer drops every empty list, so <c>security: []</c> cannot be set on
/// the model).
/// <list type="bullet">
/// <item>An operation with no <c>security</c> is anonymous and says so: <c>security: []</c>.</item>
/// <item>Error responses declared as <c>application/json</c> problems are <c>application/problem+json</c>, as written.</item>
/// <item><c>servers</c> is the server that answers the document (<c>/</c>: paths already carry <c>/api/v1</c>).</item>
/// <item>A nullable reference (<c>nullable</c> beside a one-schema <c>oneOf</c>) becomes a typed schema: an enum is
/// inlined with <c>null</c> among its values, an object becomes <c>type: object</c> with <c>allOf</c>.</item>
/// <item><c>additionalProperties: {nullable: true}</c> (problem details' extension members) becomes <c>true</c>.</item>
/// <item>Request schemas allow additional properties (the server ignores unknown fields) and require what is not
/// nullable; response schemas require every property (every field is always present, <c>null</c> when empty).</item>
/// </list>
/// </summary>
internal static class OpenApiDocumentRewriter
{
    private const string SchemaPrefix = "#/components/schemas/";

    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    /// <summary>Schemas whose members are optional by RFC 9457: never marked required.</summary>
    private static readonly HashSet<string> ProblemSchemas = new(StringComparer.Ordinal) { "ProblemDetails", "HttpValidationProblemDetails" };

    public static void Rewrite(JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        document["servers"] = new JsonArray(new JsonObject
        {
            ["url"] = "/",
            ["description"] = "The server that serves this document.",
        });

        var schemas = document["components"]?["schemas"] as JsonObject ?? [];
        var referencedBefore = ReferencedSchemas(document, schemas);

        var operations = Operations(document).ToList();
        foreach (var operation in operations)
        {
            operation["security"] ??= new JsonArray();
            DeclareProblemMediaType(operation);
        }

        foreach (var node in Descendants(document))
        {
            TypeNullableReference(node, schemas);
            if (node["additionalProperties"] is JsonObject extra && extra.Count == 1 && extra["nullable"] is not null)
            {
                node["additionalProperties"] = true;
            }
        }

        var requests = Closure(operations.Select(o => o["requestBody"]), schemas);
        var responses = Closure(operations.Select(o => o["responses"]), schemas);
        foreach (var name in requests)
        {
            if (schemas[name] is JsonObject schema && schema["properties"] is JsonObject properties)
            {
                schema["additionalProperties"] = true;
                Require(schema, properties.Where(p => p.Value?["nullable"]?.GetValue<bool>() != true).Select(p => p.Key));
            }
        }

        foreach (var name in responses.Except(requests).Except(ProblemSchemas))
        {
            if (schemas[name] is JsonObject schema && schema["properties"] is JsonObject properties)
            {
                Require(schema, properties.Select(p => p.Key));
            }
        }

        // A schema only a nullable reference used is now inlined where it was used.
        var referencedAfter = ReferencedSchemas(document, schemas);
        foreach (var name in referencedBefore.Except(referencedAfter))
        {
            schemas.Remove(name);
        }
    }

    /// <summary>Middleware: rewrites the document NSwag serves at <paramref name="path"/>.</summary>
    public static IApplicationBuilder UseOpenApiDocumentRewriter(this IApplicationBuilder app, string path = "/swagger/v1/swagger.json") =>
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.Equals(path, StringComparison.OrdinalIgnoreCase))
            {
                await next(context);
                return;
            }

            var original = context.Response.Body;
            using var buffer = new MemoryStream();
            context.Response.Body = buffer;
            try
            {
                await next(context);
            }
            finally
            {
                context.Response.Body = original;
            }

            var body = buffer.ToArray();
            if (context.Response.StatusCode == StatusCodes.Status200OK && JsonNode.Parse(body) is JsonObject document)
            {
                Rewrite(document);
                body = Encoding.UTF8.GetBytes(document.ToJsonString(IndentedJson));
            }

            context.Response.ContentLength = body.Length;
            await original.WriteAsync(body, context.RequestAborted);
        });

    private static readonly JsonSerializerOptions IndentedJson = new() { WriteIndented = true };

    private static IEnumerable<JsonObject> Operations(JsonObject document) =>
        (document["paths"] as JsonObject ?? []).Select(p => p.Value).OfType<JsonObject>()
            .SelectMany(item => Methods.Select(m => item[m]).OfType<JsonObject>());

    /// <summary>An error response is written as <c>application/problem+json</c>, whatever the endpoint's metadata said.</summary>
    private static void DeclareProblemMediaType(JsonObject operation)
    {
        foreach (var (code, response) in operation["responses"] as JsonObject ?? [])
        {
            if (code.Length == 3 && code[0] is '4' or '5' && response?["content"] is JsonObject content
                && content["application/json"] is JsonObject json && content["application/problem+json"] is null
                && json["schema"]?["$ref"]?.GetValue<string>() is { } reference
                && ProblemSchemas.Contains(reference[(reference.LastIndexOf('/') + 1)..]))
            {
                content.Remove("application/json");
                content["application/problem+json"] = json;
            }
        }
    }

    /// <summary>
    /// <c>{nullable: true, oneOf: [{$ref}]}</c> → a typed schema (an enum inlined with <c>null</c> among its values, an
    /// object inlined as a nullable object); any other one-schema <c>oneOf</c> → <c>allOf</c>.
    /// </summary>
    private static void TypeNullableReference(JsonObject node, JsonObject schemas)
    {
        if (node["oneOf"] is not JsonArray { Count: 1 } oneOf)
        {
            return;
        }

        var target = oneOf[0]?["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith(SchemaPrefix, StringComparison.Ordinal)
            ? schemas[reference[SchemaPrefix.Length..]] as JsonObject
            : null;
        if (target?["enum"] is JsonArray values && target["type"] is JsonValue type)
        {
            node.Remove("oneOf");
            node["type"] = type.DeepClone();
            var inlined = (JsonArray)values.DeepClone();
            if (node["nullable"]?.GetValue<bool>() == true)
            {
                inlined.Add(null);
            }

            node["enum"] = inlined;
            if (target["description"] is { } description && node["description"] is null)
            {
                node["description"] = description.DeepClone();
            }

            return;
        }

        node.Remove("oneOf");
        if (node["nullable"]?.GetValue<bool>() == true && target?["properties"] is JsonObject)
        {
            // OpenAPI 3.0's nullable does not reach into allOf: a null example or answer would fail validation against
            // {nullable, allOf: [$ref]}. A nullable object is therefore inlined as the object itself, nullable.
            foreach (var (key, value) in target)
            {
                if (node[key] is null)
                {
                    node[key] = value?.DeepClone();
                }
            }

            return;
        }

        node["allOf"] = oneOf;
        if (node["nullable"] is not null && node["type"] is null)
        {
            node["type"] = target?["type"]?.DeepClone() ?? "object";
        }
    }

    private static void Require(JsonObject schema, IEnumerable<string> names)
    {
        var required = schema["required"] as JsonArray ?? [];
        var present = required.Select(r => r?.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        foreach (var name in names.Where(n => !present.Contains(n)))
        {
            required.Add(name);
        }

        if (required.Count > 0)
        {
            schema["required"] = required;
        }
    }

    /// <summary>The component schemas reached from <paramref name="roots"/>, following references.</summary>
    private static HashSet<string> Closure(IEnumerable<JsonNode?> roots, JsonObject schemas)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<JsonNode?>(roots);
        while (pending.Count > 0)
        {
            foreach (var node in Descendants(pending.Pop()))
            {
                if (node["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith(SchemaPrefix, StringComparison.Ordinal)
                    && found.Add(reference[SchemaPrefix.Length..]))
                {
                    pending.Push(schemas[reference[SchemaPrefix.Length..]]);
                }
            }
        }

        return found;
    }

    private static HashSet<string> ReferencedSchemas(JsonObject document, JsonObject schemas) =>
        Closure([document["paths"]], schemas);

    /// <summary>Every object in the tree, the root included, parents before children.</summary>
    private static IEnumerable<JsonObject> Descendants(JsonNode? root)
    {
        var pending = new Stack<JsonNode?>([root]);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case JsonObject obj:
                    yield return obj;
                    foreach (var child in obj.Select(p => p.Value).ToList())
                    {
                        pending.Push(child);
                    }

                    break;
                case JsonArray array:
                    foreach (var child in array)
                    {
                        pending.Push(child);
                    }

                    break;
            }
        }
    }
}
