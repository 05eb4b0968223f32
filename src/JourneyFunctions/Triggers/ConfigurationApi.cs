using JourneyFunctions.Http;
using Journeys.Api;
using Journeys.Api.Endpoints;
using Journeys.Core.Model;
using Journeys.Runtime.Catalog;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using static JourneyFunctions.Http.RequestCancellation;

namespace JourneyFunctions.Triggers;

/// <summary>SPEC §6 event definitions, data sources and custom actions: each function is the shared handler.</summary>
public sealed class ConfigurationApi(
    ResourceCatalog<EventDefinition> events, ResourceCatalog<DataSource> dataSources, ResourceCatalog<CustomAction> actions, ApiOptions options)
{
    [Function("ListEvents")]
    public async Task<IActionResult> ListEventsAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = "events")] HttpRequest req) =>
        new ResultActionResult(await ConfigurationEndpoints.ListAsync(events, Aborted(req)));

    [Function("PutEvent")]
    public async Task<IActionResult> PutEventAsync([HttpTrigger(AuthorizationLevel.Function, "put", Route = "events/{id}")] HttpRequest req, string id) =>
        new ResultActionResult(await ConfigurationEndpoints.PutAsync(req, id, events, options, Aborted(req)));

    [Function("GetEvent")]
    public async Task<IActionResult> GetEventAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = "events/{id}")] HttpRequest req, string id) =>
        new ResultActionResult(await ConfigurationEndpoints.GetAsync(req, id, events, Aborted(req)));

    [Function("DeleteEvent")]
    public async Task<IActionResult> DeleteEventAsync([HttpTrigger(AuthorizationLevel.Function, "delete", Route = "events/{id}")] HttpRequest req, string id) =>
        new ResultActionResult(await ConfigurationEndpoints.DeleteAsync(req, id, events, Aborted(req)));

    [Function("ListDataSources")]
    public async Task<IActionResult> ListDataSourcesAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = "datasources")] HttpRequest req) =>
        new ResultActionResult(await ConfigurationEndpoints.ListAsync(dataSources, Aborted(req)));

    [Function("PutDataSource")]
    public async Task<IActionResult> PutDataSourceAsync([HttpTrigger(AuthorizationLevel.Function, "put", Route = "datasources/{id}")] HttpRequest req, string id) =>
        new ResultActionResult(await ConfigurationEndpoints.PutAsync(req, id, dataSources, options, Aborted(req)));

    [Function("GetDataSource")]
    public async Task<IActionResult> GetDataSourceAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = "datasources/{id}")] HttpRequest req, string id) =>
        new ResultActionResult(await ConfigurationEndpoints.GetAsync(req, id, dataSources, Aborted(req)));

    [Function("DeleteDataSource")]
    public async Task<IActionResult> DeleteDataSourceAsync([HttpTrigger(AuthorizationLevel.Function, "delete", Route = "datasources/{id}")] HttpRequest req, string id) =>
        new ResultActionResult(await ConfigurationEndpoints.DeleteAsync(req, id, dataSources, Aborted(req)));

    [Function("ListActions")]
    public async Task<IActionResult> ListActionsAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = "actions")] HttpRequest req) =>
        new ResultActionResult(await ConfigurationEndpoints.ListAsync(actions, Aborted(req)));

    [Function("PutAction")]
    public async Task<IActionResult> PutActionAsync([HttpTrigger(AuthorizationLevel.Function, "put", Route = "actions/{id}")] HttpRequest req, string id) =>
        new ResultActionResult(await ConfigurationEndpoints.PutAsync(req, id, actions, options, Aborted(req)));

    [Function("GetAction")]
    public async Task<IActionResult> GetActionAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = "actions/{id}")] HttpRequest req, string id) =>
        new ResultActionResult(await ConfigurationEndpoints.GetAsync(req, id, actions, Aborted(req)));

    [Function("DeleteAction")]
    public async Task<IActionResult> DeleteActionAsync([HttpTrigger(AuthorizationLevel.Function, "delete", Route = "actions/{id}")] HttpRequest req, string id) =>
        new ResultActionResult(await ConfigurationEndpoints.DeleteAsync(req, id, actions, Aborted(req)));
}
