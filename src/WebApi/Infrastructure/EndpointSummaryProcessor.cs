using Microsoft.AspNetCore.Http.Metadata;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace MediaVault.WebApi.Infrastructure;

/// <summary>
/// Copies the <c>WithSummary</c> and <c>WithDescription</c> of minimal API endpoints into the OpenAPI operations,
/// which NSwag does not do by itself.
/// </summary>
internal sealed class EndpointSummaryProcessor : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        if (context is AspNetCoreOperationProcessorContext { ApiDescription.ActionDescriptor.EndpointMetadata: { } metadata })
        {
            var operation = context.OperationDescription.Operation;
            operation.Summary = metadata.OfType<IEndpointSummaryMetadata>().LastOrDefault()?.Summary ?? operation.Summary;
            operation.Description = metadata.OfType<IEndpointDescriptionMetadata>().LastOrDefault()?.Description ?? operation.Description;
        }

        return true;
    }
}
