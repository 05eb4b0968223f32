using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Journeys.Host.Serving;

/// <summary>
/// A property that may be null is not listed as required. The generator lists every constructor parameter of a
/// record as required, but several answers leave null properties out (a step event without a node, a report
/// without actions), and a generated client that trusts <c>required</c> then refuses a valid answer.
/// </summary>
public sealed class NullableNotRequiredTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (schema.Required is { Count: > 0 } required && schema.Properties is { } properties)
        {
            foreach (var (name, property) in properties)
            {
                if (property is OpenApiSchema { Type: { } type } && type.HasFlag(JsonSchemaType.Null))
                {
                    required.Remove(name);
                }
            }
        }

        return Task.CompletedTask;
    }
}
