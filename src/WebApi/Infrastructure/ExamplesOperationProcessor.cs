using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NSwag;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace MediaVault.WebApi.Infrastructure;

/// <summary>
/// Gives every request body and every response body of an operation an example: the one <see cref="OpenApiExamples"/>
/// keeps for its type, the problem of its status for an error, or else a sample generated from its schema. Runs after
/// <see cref="ProblemResponsesOperationProcessor"/>, so the problems it declares get examples too.
/// </summary>
internal sealed class ExamplesOperationProcessor(JsonSerializerOptions json) : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        if (context is not AspNetCoreOperationProcessorContext aspNetCore)
        {
            return true;
        }

        var description = aspNetCore.ApiDescription;
        var operation = context.OperationDescription.Operation;
        if (operation.RequestBody is { } body)
        {
            var type = description.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body)?.Type;
            Attach(body.Content.Values, type is null ? null : OpenApiExamples.For(type));
        }

        foreach (var (code, response) in operation.Responses)
        {
            if (!int.TryParse(code, CultureInfo.InvariantCulture, out var status))
            {
                continue;
            }

            var type = description.SupportedResponseTypes.FirstOrDefault(r => r.StatusCode == status)?.Type;
            var example = status >= 400 ? OpenApiExamples.Problem(status) : type is null ? null : OpenApiExamples.For(type);
            Attach(response.Content.Values, example);
        }

        return true;
    }

    private void Attach(IEnumerable<OpenApiMediaType> mediaTypes, object? example)
    {
        foreach (var mediaType in mediaTypes.Where(m => m.Example is null && m.Schema is not null))
        {
            mediaType.Example = example is null ? mediaType.Schema.ActualSchema.ToSampleJson() : ToToken(example);
        }
    }

    /// <summary>The example as the API would write it (System.Text.Json), as a token NSwag's serializer writes as is.</summary>
    private JToken ToToken(object example)
    {
        var text = System.Text.Json.JsonSerializer.Serialize(example, example.GetType(), json);
        using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
        return JToken.ReadFrom(reader);
    }
}
