using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Journeys.Api.Http;
using Journeys.Api.Json;
using Journeys.Core.Model;
using Journeys.Core.Serialization;
using Journeys.Runtime.Catalog;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Journeys.Api.Endpoints;

/// <summary>
/// Event definitions, data sources and custom actions (SPEC §6): PUT/GET/DELETE by id and GET of the whole list.
/// A GET returns the stored contract body exactly as a PUT would send it, with its ETag in the header, so that
/// GET → edit → PUT with <c>If-Match</c> round-trips. Each method is a plain handler that an Azure Functions HTTP
/// trigger can call with its own <see cref="HttpRequest"/>.
/// </summary>
public static class ConfigurationEndpoints
{
    // What differs between the three resource kinds at the HTTP edge, by the kind each catalog holds.
    private static readonly Dictionary<CatalogResourceKind, object> Routes = new()
    {
        [CatalogResourceKind.EventDefinition] = new ResourceRoute<EventDefinition>("events", bytes => ContractJson.ReadEventDefinition(bytes.Span)),
        [CatalogResourceKind.DataSource] = new ResourceRoute<DataSource>("datasources", bytes => ContractJson.ReadDataSource(bytes.Span)),
        [CatalogResourceKind.CustomAction] = new ResourceRoute<CustomAction>("actions", bytes => ContractJson.ReadCustomAction(bytes.Span)),
    };

    /// <summary>Creates or replaces: 201 with <c>Location</c> when new, 200 when replaced; 400 when invalid, 412 when a precondition fails.</summary>
    public static async Task<IResult> PutAsync<T>(
        HttpRequest request, string id, [FromServices] ResourceCatalog<T> catalog, [FromServices] ApiOptions options, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(catalog);

        // Headers before the body: a malformed precondition is refused without reading (or validating) anything.
        var (conditional, problem) = IdAndConditions(request, id);
        if (problem is not null)
        {
            return problem;
        }

        var body = await RequestBody.ReadJsonAsync(request, options.ConfigurationBodyLimit, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var route = RouteOf(catalog);
        var parsed = route.Read(body.Bytes);
        if (!parsed.Succeeded)
        {
            return ApiProblems.UnreadableBody(parsed.Errors);
        }

        var result = await catalog.PutAsync(id, parsed.Value!, conditional!.WriteCondition, cancellationToken);
        if (!result.Succeeded)
        {
            return ApiProblems.FromCatalog(result.Failure);
        }

        var entry = result.Value.Value;
        return JsonResponses.Put(result.Value.Created, route.Location(id), entry.Body, route.TypeInfo, entry.ETag);
    }

    /// <summary>The body with its ETag; 304 when <c>If-None-Match</c> names the current ETag, 412 when <c>If-Match</c> does not.</summary>
    public static async Task<IResult> GetAsync<T>(HttpRequest request, string id, [FromServices] ResourceCatalog<T> catalog, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var (conditional, problem) = IdAndConditions(request, id);
        if (problem is not null)
        {
            return problem;
        }

        var result = await catalog.GetAsync(id, cancellationToken);
        return result.Succeeded
            ? conditional!.EvaluateRead(result.Value.ETag) ?? JsonResponses.Ok(result.Value.Body, RouteOf(catalog).TypeInfo, result.Value.ETag)
            : ApiProblems.FromCatalog(result.Failure);
    }

    /// <summary>Every resource of the kind, with id, ETag, last update and body.</summary>
    public static async Task<IResult> ListAsync<T>([FromServices] ResourceCatalog<T> catalog, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var route = RouteOf(catalog);
        IReadOnlyList<ResourceView> views = (await catalog.ListAsync(cancellationToken))
            .Select(e => new ResourceView(e.Id, e.ETag, e.UpdatedAt, JsonSerializer.SerializeToElement(e.Body, route.TypeInfo)))
            .ToList();
        return JsonResponses.Ok(views, ApiJson.Context.IReadOnlyListResourceView);
    }

    /// <summary>204; 409 while a live journey uses the resource, 412 when a precondition fails.</summary>
    public static async Task<IResult> DeleteAsync<T>(HttpRequest request, string id, [FromServices] ResourceCatalog<T> catalog, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var (conditional, problem) = IdAndConditions(request, id);
        if (problem is not null)
        {
            return problem;
        }

        var result = await catalog.DeleteAsync(id, conditional!.WriteCondition, cancellationToken);
        return result.Succeeded ? TypedResults.NoContent() : ApiProblems.FromCatalog(result.Failure);
    }

    /// <summary>The id, then both conditional headers: the request's conditions, or the problem with the first that is malformed.</summary>
    private static (ConditionalRequest? Conditions, IResult? Problem) IdAndConditions(HttpRequest request, string id) =>
        ApiProblems.CheckId(id) is { } badId ? (null, badId) : ConditionalRequest.Read(request);

    private static ResourceRoute<T> RouteOf<T>(ResourceCatalog<T> catalog)
        where T : class => (ResourceRoute<T>)Routes[catalog.Kind];

    /// <summary>A resource kind at the HTTP edge: route segment, reader and serialisation metadata.</summary>
    private sealed record ResourceRoute<T>(string Segment, Func<ReadOnlyMemory<byte>, ContractReadResult<T>> Read)
        where T : class
    {
        public JsonTypeInfo<T> TypeInfo { get; } = (JsonTypeInfo<T>)ContractJson.Options.GetTypeInfo(typeof(T));

        public string Location(string id) => $"/api/{Segment}/{Uri.EscapeDataString(id)}";
    }
}
