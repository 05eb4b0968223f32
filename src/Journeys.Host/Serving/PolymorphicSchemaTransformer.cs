using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Journeys.Host.Serving;

/// <summary>
/// Rewrites polymorphic schemas (a journey node is one of seven types, told apart by <c>type</c>) from the generator's
/// <c>anyOf</c> on the base into the classic OpenAPI inheritance form: the base declares the discriminator property
/// and its mapping, each derived schema is <c>allOf</c> the base plus its own properties. Both forms are valid; code
/// generators such as NSwag only build a class hierarchy (and write the discriminator) from the second.
/// </summary>
public sealed class PolymorphicSchemaTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Components?.Schemas is not { } schemas)
        {
            return Task.CompletedTask;
        }

        foreach (var (baseName, candidate) in schemas.ToList())
        {
            if (candidate is not OpenApiSchema { Discriminator.PropertyName: { } property, AnyOf: { Count: > 0 } variants } baseSchema
                || !variants.All(v => v is OpenApiSchemaReference))
            {
                continue;
            }

            baseSchema.AnyOf = null;
            baseSchema.Type = JsonSchemaType.Object;
            baseSchema.Properties ??= new Dictionary<string, IOpenApiSchema>();
            baseSchema.Properties[property] = new OpenApiSchema { Type = JsonSchemaType.String };
            baseSchema.Required ??= new HashSet<string>();
            baseSchema.Required.Add(property);

            foreach (var variant in variants.Cast<OpenApiSchemaReference>())
            {
                if (variant.Reference.Id is not { } derivedName || !schemas.TryGetValue(derivedName, out var derivedCandidate) || derivedCandidate is not OpenApiSchema derived)
                {
                    continue;
                }

                var own = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Properties = derived.Properties?.Where(p => p.Key != property).ToDictionary(p => p.Key, p => p.Value),
                    Required = derived.Required is null ? null : new HashSet<string>(derived.Required.Where(r => r != property)),
                };
                schemas[derivedName] = new OpenApiSchema
                {
                    Description = derived.Description,
                    AllOf = [new OpenApiSchemaReference(baseName, document), own],
                };
            }
        }

        return Task.CompletedTask;
    }
}
