using JourneyFunctions.Http;
using Journeys.Api;
using Journeys.Api.Endpoints;
using Journeys.Core.Model;
using Journeys.Runtime.Catalog;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace JourneyFunctions.Triggers;

/// <summary>SPEC §6 event definitions, data sources and custom actions: each function is the shared handler, run by <see cref="ApiHandlerRunner"/>.</summary>
public sealed class ConfigurationApi(
    ResourceCatalog<EventDefinition> events, ResourceCatalog<DataSource> dataSources, ResourceCatalog<CustomAction> actions, ApiOptions options, ApiHandlerRunner run)
{
    [Function("ListEvents")]
    public Task<IActionResult> ListEventsAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = "events")] HttpRequest req) =>
        run.RunAsync(req, cancellationToken => ConfigurationEndpoints.ListAsync(events, cancellationToken));

    [Function("PutEvent")]
    public Task<IActionResult> PutEventAsync([HttpTrigger(AuthorizationLevel.Function, "put", Route = "events/{id}")] HttpRequest req, string id) =>
        run.RunAsync(req, cancellationToken => ConfigurationEndpoints.PutAsync(req, id, events, options, cancellationToken));

    [Function("GetEvent")]
    public Task<IActionResult> GetEventAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = "events/{id}")] HttpRequest req, string id) =>
        run.RunAsync(req, cancellationToken => ConfigurationEndpoints.GetAsync(req, id, events, cancellationToken));

    [Function("DeleteEvent")]
    public Task<IActionResult> DeleteEventAsync([HttpTrigger(AuthorizationLevel.Function, "delete", Route = "events/{id}")] HttpRequest req, string id) =>
        run.RunAsync(req, cancellationToken => ConfigurationEndpoints.DeleteAsync(req, id, events, cancellationToken));

    [Function("ListDataSources")]
    public Task<IActionResult> ListDataSourcesAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = "datasources")] HttpRequest req) =>
        run.RunAsync(req, cancellationToken => ConfigurationEndpoints.ListAsync(dataSources, cancellationToken));

    [Function("PutDataSource")]
    public Task<IActionResult> PutDataSourceAsync([HttpTrigger(AuthorizationLevel.Function, "put", Route = "datasources/{id}")] HttpRequest req, string id) =>
        run.RunAsync(req, cancellationToken => ConfigurationEndpoints.PutAsync(req, id, dataSources, options, cancellationToken));

    [Function("GetDataSource")]
    public Task<IActionResult> GetDataSourceAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = "datasources/{id}")] HttpRequest req, string id) =>
        run.RunAsync(req, cancellationToken => ConfigurationEndpoints.GetAsync(req, id, dataSources, cancellationToken));

    [Function("DeleteDataSource")]
    public Task<IActionResult> DeleteDataSourceAsync([HttpTrigger(AuthorizationLevel.Function, "delete", Route = "datasources/{id}")] HttpRequest req, string id) =>
        run.RunAsync(req, cancellationToken => ConfigurationEndpoints.DeleteAsync(req, id, dataSources, cancellationToken));

    [Function("ListActions")]
    public Task<IActionResult> ListActionsAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = "actions")] HttpRequest req) =>
        run.RunAsync(req, cancellationToken => ConfigurationEndpoints.ListAsync(actions, cancellationToken));

    [Function("PutAction")]
    public Task<IActionResult> PutActionAsync([HttpTrigger(AuthorizationLevel.Function, "put", Route = "actions/{id}")] HttpRequest req, string id) =>
        run.RunAsync(req, cancellationToken => ConfigurationEndpoints.PutAsync(req, id, actions, options, cancellationToken));

    [Function("GetAction")]
    public Task<IActionResult> GetActionAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = "actions/{id}")] HttpRequest req, string id) =>
        run.RunAsync(req, cancellationToken => ConfigurationEndpoints.GetAsync(req, id, actions, cancellationToken));

    [Function("DeleteAction")]
    public Task<IActionResult> DeleteActionAsync([HttpTrigger(AuthorizationLevel.Function, "delete", Route = "actions/{id}")] HttpRequest req, string id) =>
        run.RunAsync(req, cancellationToken => ConfigurationEndpoints.DeleteAsync(req, id, actions, cancellationToken));
}
