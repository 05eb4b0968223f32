using Journeys.Api.Security;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Journeys.Host.Serving;

/// <summary>
/// Describes the two keys as API-key security schemes (header <c>x-api-key</c>) and gives every operation the
/// requirement its route enforces (<see cref="RequiredKeyMetadata"/>): management routes the admin key, ingestion
/// the ingest or the admin key, health none. Generated clients and API tools then know which key to send where.
/// </summary>
public sealed class ApiKeySecurityTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string AdminScheme = "adminKey";

    public const string IngestScheme = "ingestKey";

    public const string Header = "x-api-key";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[AdminScheme] = Scheme(
            "The admin key (Journeys:AdminKey, or adminKey in the keys file beside the database): every route.");
        document.Components.SecuritySchemes[IngestScheme] = Scheme(
            "The ingest key (Journeys:IngestKey, or ingestKey in the keys file): POST /api/ingest only.");

        // Servers without a trailing slash: clients append paths that start with '/'.
        foreach (var server in document.Servers ?? [])
        {
            if (server.Url is { Length: > 1 } url && url.EndsWith('/'))
            {
                server.Url = url.TrimEnd('/');
            }
        }

        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var role = context.Description.ActionDescriptor.EndpointMetadata.OfType<RequiredKeyMetadata>().LastOrDefault()?.Role;
        var document = context.Document;
        operation.Security = role switch
        {
            ApiKeyRole.Admin => [Requirement(AdminScheme, document)],
            ApiKeyRole.Ingest => [Requirement(IngestScheme, document), Requirement(AdminScheme, document)],
            _ => [], // No key: stated explicitly, so that "no requirement" is not mistaken for "undocumented".
        };
        var needs = role switch
        {
            ApiKeyRole.Admin => "Needs the admin key (x-api-key).",
            ApiKeyRole.Ingest => "Needs the ingest key or the admin key (x-api-key).",
            _ => "Needs no key.",
        };
        operation.Description = string.IsNullOrEmpty(operation.Description) ? needs : $"{operation.Description} {needs}";
        return Task.CompletedTask;
    }

    private static OpenApiSecurityScheme Scheme(string description) => new()
    {
        Type = SecuritySchemeType.ApiKey,
        In = ParameterLocation.Header,
        Name = Header,
        Description = description,
    };

    private static OpenApiSecurityRequirement Requirement(string scheme, OpenApiDocument? document) =>
        new() { [new OpenApiSecuritySchemeReference(scheme, document)] = [] };
}
