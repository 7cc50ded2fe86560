using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using NSwag.Generation.AspNetCore;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace MediaVault.WebApi.Infrastructure;

/// <summary>
/// Documents a string parameter marked <see cref="AllowedValuesAttribute"/> (e.g. <c>scope</c>, <c>kind</c>) as an enum,
/// so that clients see and generate the values. The handler still checks the value and answers 400 with a field error
/// for anything else.
/// </summary>
internal sealed class AllowedValuesOperationProcessor : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        if (context is not AspNetCoreOperationProcessorContext aspNetCore)
        {
            return true;
        }

        foreach (var description in aspNetCore.ApiDescription.ParameterDescriptions)
        {
            var allowed = (description.ParameterDescriptor as IParameterInfoParameterDescriptor)?.ParameterInfo
                .GetCustomAttribute<AllowedValuesAttribute>();
            var parameter = context.OperationDescription.Operation.Parameters.FirstOrDefault(p => p.Name == description.Name);
            if (allowed is null || parameter?.Schema is null)
            {
                continue;
            }

            parameter.Schema.Enumeration.Clear();
            foreach (var value in allowed.Values.OfType<string>())
            {
                parameter.Schema.Enumeration.Add(value);
            }
        }

        return true;
    }
}
