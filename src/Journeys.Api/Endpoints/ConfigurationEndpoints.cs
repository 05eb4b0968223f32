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
    private static readonly ResourceRoute<EventDefinition> Events =
        new("events", bytes => ContractJson.ReadEventDefinition(bytes.Span));

    private static readonly ResourceRoute<DataSource> DataSources =
        new("datasources", bytes => ContractJson.ReadDataSource(bytes.Span));

    private static readonly ResourceRoute<CustomAction> Actions =
        new("actions", bytes => ContractJson.ReadCustomAction(bytes.Span));

    // ---- Event definitions ----------------------------------------------------------------------------------

    public static Task<IResult> PutEventDefinitionAsync(
        HttpRequest request, string id, [FromServices] CatalogService catalog, [FromServices] ApiOptions options, CancellationToken cancellationToken) =>
        PutAsync(Events, request, id, options, (body, condition) => catalog.PutEventDefinitionAsync(id, body, condition, cancellationToken), cancellationToken);

    /// <summary>The body with its ETag; 304 when <c>If-None-Match</c> names the current ETag, 412 when <c>If-Match</c> does not.</summary>
    public static async Task<IResult> GetEventDefinitionAsync(HttpRequest request, string id, [FromServices] CatalogService catalog, CancellationToken cancellationToken) =>
        ApiProblems.CheckId(id) ?? await GetAsync(Events, request, () => catalog.GetEventDefinitionAsync(id, cancellationToken));

    public static async Task<IResult> ListEventDefinitionsAsync([FromServices] CatalogService catalog, CancellationToken cancellationToken) =>
        List(Events, await catalog.ListEventDefinitionsAsync(cancellationToken));

    public static async Task<IResult> DeleteEventDefinitionAsync(HttpRequest request, string id, [FromServices] CatalogService catalog, CancellationToken cancellationToken) =>
        ApiProblems.CheckId(id) ?? await DeleteAsync(request, condition => catalog.DeleteEventDefinitionAsync(id, condition, cancellationToken));

    // ---- Data sources ---------------------------------------------------------------------------------------

    public static Task<IResult> PutDataSourceAsync(
        HttpRequest request, string id, [FromServices] CatalogService catalog, [FromServices] ApiOptions options, CancellationToken cancellationToken) =>
        PutAsync(DataSources, request, id, options, (body, condition) => catalog.PutDataSourceAsync(id, body, condition, cancellationToken), cancellationToken);

    /// <summary>The body with its ETag; 304 when <c>If-None-Match</c> names the current ETag, 412 when <c>If-Match</c> does not.</summary>
    public static async Task<IResult> GetDataSourceAsync(HttpRequest request, string id, [FromServices] CatalogService catalog, CancellationToken cancellationToken) =>
        ApiProblems.CheckId(id) ?? await GetAsync(DataSources, request, () => catalog.GetDataSourceAsync(id, cancellationToken));

    public static async Task<IResult> ListDataSourcesAsync([FromServices] CatalogService catalog, CancellationToken cancellationToken) =>
        List(DataSources, await catalog.ListDataSourcesAsync(cancellationToken));

    public static async Task<IResult> DeleteDataSourceAsync(HttpRequest request, string id, [FromServices] CatalogService catalog, CancellationToken cancellationToken) =>
        ApiProblems.CheckId(id) ?? await DeleteAsync(request, condition => catalog.DeleteDataSourceAsync(id, condition, cancellationToken));

    // ---- Custom actions -------------------------------------------------------------------------------------

    public static Task<IResult> PutCustomActionAsync(
        HttpRequest request, string id, [FromServices] CatalogService catalog, [FromServices] ApiOptions options, CancellationToken cancellationToken) =>
        PutAsync(Actions, request, id, options, (body, condition) => catalog.PutCustomActionAsync(id, body, condition, cancellationToken), cancellationToken);

    /// <summary>The body with its ETag; 304 when <c>If-None-Match</c> names the current ETag, 412 when <c>If-Match</c> does not.</summary>
    public static async Task<IResult> GetCustomActionAsync(HttpRequest request, string id, [FromServices] CatalogService catalog, CancellationToken cancellationToken) =>
        ApiProblems.CheckId(id) ?? await GetAsync(Actions, request, () => catalog.GetCustomActionAsync(id, cancellationToken));

    public static async Task<IResult> ListCustomActionsAsync([FromServices] CatalogService catalog, CancellationToken cancellationToken) =>
        List(Actions, await catalog.ListCustomActionsAsync(cancellationToken));

    public static async Task<IResult> DeleteCustomActionAsync(HttpRequest request, string id, [FromServices] CatalogService catalog, CancellationToken cancellationToken) =>
        ApiProblems.CheckId(id) ?? await DeleteAsync(request, condition => catalog.DeleteCustomActionAsync(id, condition, cancellationToken));

    // ---- Shared ---------------------------------------------------------------------------------------------

    private static async Task<IResult> PutAsync<T>(
        ResourceRoute<T> route,
        HttpRequest request,
        string id,
        ApiOptions options,
        Func<T, WriteCondition, Task<CatalogResult<CatalogPut<CatalogEntry<T>>>>> put,
        CancellationToken cancellationToken)
        where T : class
    {
        if (ApiProblems.CheckId(id) is { } badId)
        {
            return badId;
        }

        // Headers before the body: a malformed precondition is refused without reading (or validating) anything.
        var (conditional, badHeader) = ConditionalRequest.Read(request);
        if (badHeader is not null)
        {
            return badHeader;
        }

        var body = await RequestBody.ReadJsonAsync(request, options.ConfigurationBodyLimit, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var parsed = route.Read(body.Bytes);
        if (!parsed.Succeeded)
        {
            return ApiProblems.UnreadableBody(parsed.Errors);
        }

        var result = await put(parsed.Value!, conditional!.WriteCondition);
        if (!result.Succeeded)
        {
            return ApiProblems.FromCatalog(result.Failure);
        }

        var entry = result.Value.Value;
        return JsonResponses.Put(result.Value.Created, route.Location(id), entry.Body, route.TypeInfo, entry.ETag);
    }

    private static async Task<IResult> GetAsync<T>(ResourceRoute<T> route, HttpRequest request, Func<Task<CatalogResult<CatalogEntry<T>>>> get)
        where T : class
    {
        var (conditional, badHeader) = ConditionalRequest.Read(request);
        if (badHeader is not null)
        {
            return badHeader;
        }

        var result = await get();
        return result.Succeeded
            ? conditional!.EvaluateRead(result.Value.ETag) ?? JsonResponses.Ok(result.Value.Body, route.TypeInfo, result.Value.ETag)
            : ApiProblems.FromCatalog(result.Failure);
    }

    private static async Task<IResult> DeleteAsync(HttpRequest request, Func<WriteCondition, Task<CatalogResult<ResourceDeleted>>> delete)
    {
        var (conditional, badHeader) = ConditionalRequest.Read(request);
        return badHeader ?? Deleted(await delete(conditional!.WriteCondition));
    }

    private static IResult List<T>(ResourceRoute<T> route, IReadOnlyList<CatalogEntry<T>> entries)
        where T : class
    {
        IReadOnlyList<ResourceView> views = entries
            .Select(e => new ResourceView(e.Id, e.ETag, e.UpdatedAt, JsonSerializer.SerializeToElement(e.Body, route.TypeInfo)))
            .ToList();
        return JsonResponses.Ok(views, ApiJson.Context.IReadOnlyListResourceView);
    }

    private static IResult Deleted(CatalogResult<ResourceDeleted> result) =>
        result.Succeeded ? TypedResults.NoContent() : ApiProblems.FromCatalog(result.Failure);

    /// <summary>What differs between the three resource kinds: route segment, reader and serialisation metadata.</summary>
    private sealed record ResourceRoute<T>(string Segment, Func<ReadOnlyMemory<byte>, ContractReadResult<T>> Read)
        where T : class
    {
        public JsonTypeInfo<T> TypeInfo { get; } = (JsonTypeInfo<T>)ContractJson.Options.GetTypeInfo(typeof(T));

        public string Location(string id) => $"/api/{Segment}/{Uri.EscapeDataString(id)}";
    }
}
