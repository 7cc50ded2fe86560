using Microsoft.AspNetCore.Http.Metadata;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace MediaVault.WebApi.Infrastructure;

/// <summary>
/// Carries the summary and description that minimal-API endpoints declare with <c>WithSummary</c> and
/// <c>WithDescription</c> into the NSwag document (NSwag does not read that metadata itself).
/// </summary>
internal sealed class EndpointMetadataOperationProcessor : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        if (context is not AspNetCoreOperationProcessorContext aspNetCore)
        {
            return true;
        }

        var metadata = aspNetCore.ApiDescription.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IEndpointSummaryMetadata>().LastOrDefault() is { } summary)
        {
            context.OperationDescription.Operation.Summary = summary.Summary;
        }

        if (metadata.OfType<IEndpointDescriptionMetadata>().LastOrDefault() is { } description)
        {
            context.OperationDescription.Operation.Description = description.Description;
        }

        return true;
    }
}
