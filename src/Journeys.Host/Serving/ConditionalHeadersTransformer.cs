using Journeys.Api.OpenApi;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Journeys.Host.Serving;

/// <summary>
/// Adds the <c>If-Match</c> / <c>If-None-Match</c> request headers and the <c>ETag</c> response header to the operations
/// whose endpoints carry <see cref="ConditionalHeadersMetadata"/>.
/// </summary>
public sealed class ConditionalHeadersTransformer : IOpenApiOperationTransformer
{
    private const string IfMatchText =
        "Write or answer only if the current ETag is one of these entity tags (\"a\", \"b\"; W/ tolerated) or, with *, if the item exists; 412 otherwise. Malformed: 400 CONDITIONAL_HEADER_INVALID.";

    private const string IfNoneMatchText =
        "GET: 304 Not Modified when the current ETag is one of these tags (or *). PUT/DELETE: * means create only (412 when the item exists); tags mean 412 when the current ETag is one of them. Evaluated after If-Match.";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var metadata = context.Description.ActionDescriptor.EndpointMetadata.OfType<ConditionalHeadersMetadata>().LastOrDefault();
        if (metadata is null)
        {
            return Task.CompletedTask;
        }

        operation.Parameters ??= [];
        if (metadata.IfMatch)
        {
            operation.Parameters.Add(Header("If-Match", IfMatchText));
        }

        if (metadata.IfNoneMatch)
        {
            operation.Parameters.Add(Header("If-None-Match", IfNoneMatchText));
        }

        if (metadata.ETag && operation.Responses is { } responses)
        {
            foreach (var (status, response) in responses)
            {
                if (status is "200" or "201" or "304" && response is OpenApiResponse concrete)
                {
                    concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                    concrete.Headers["ETag"] = new OpenApiHeader
                    {
                        Description = "The current ETag, quoted (\"abc\"); send it back in If-Match or If-None-Match.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                    };
                }
            }
        }

        return Task.CompletedTask;
    }

    private static OpenApiParameter Header(string name, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = false,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };
}
