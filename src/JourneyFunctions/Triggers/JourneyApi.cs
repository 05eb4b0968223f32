using JourneyFunctions.Http;
using Journeys.Api;
using Journeys.Api.Endpoints;
using Journeys.Azure.Durable;
using Journeys.Runtime.Catalog;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using static JourneyFunctions.Http.RequestCancellation;

namespace JourneyFunctions.Triggers;

/// <summary>SPEC §6 journey routes, report and instance view: each function is the shared handler.</summary>
public sealed class JourneyApi(JourneyCatalog catalog, DurableJourneyRuntime runtime, ApiOptions options)
{
    [Function("ListJourneys")]
    public async Task<IActionResult> ListAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = "journeys")] HttpRequest req) =>
        new ResultActionResult(await JourneyEndpoints.ListJourneysAsync(catalog, Aborted(req)));

    [Function("PutJourney")]
    public async Task<IActionResult> PutAsync([HttpTrigger(AuthorizationLevel.Function, "put", Route = "journeys/{id}")] HttpRequest req, string id) =>
        new ResultActionResult(await JourneyEndpoints.PutJourneyAsync(req, id, catalog, options, Aborted(req)));

    [Function("GetJourney")]
    public async Task<IActionResult> GetAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = "journeys/{id}")] HttpRequest req, string id) =>
        new ResultActionResult(await JourneyEndpoints.GetJourneyAsync(req, id, catalog, Aborted(req)));

    [Function("ValidateJourney")]
    public async Task<IActionResult> ValidateAsync([HttpTrigger(AuthorizationLevel.Function, "post", Route = "journeys/{id}/validate")] HttpRequest req, string id) =>
        new ResultActionResult(await JourneyEndpoints.ValidateJourneyAsync(id, catalog, Aborted(req)));

    [Function("PublishJourney")]
    public async Task<IActionResult> PublishAsync([HttpTrigger(AuthorizationLevel.Function, "post", Route = "journeys/{id}/publish")] HttpRequest req, string id) =>
        new ResultActionResult(await JourneyEndpoints.PublishJourneyAsync(req, id, catalog, Aborted(req)));

    [Function("CloseJourney")]
    public async Task<IActionResult> CloseAsync([HttpTrigger(AuthorizationLevel.Function, "post", Route = "journeys/{id}/close")] HttpRequest req, string id) =>
        new ResultActionResult(await JourneyEndpoints.CloseJourneyAsync(id, catalog, Aborted(req)));

    /// <summary>After the stop, <see cref="JourneyStopObserver"/> raises the stop event to every active instance through this invocation's client.</summary>
    [Function("StopJourney")]
    public async Task<IActionResult> StopAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "journeys/{id}/stop")] HttpRequest req, string id, [DurableClient] DurableTaskClient client)
    {
        var instances = new DurableInstanceGateway(client);
        return new ResultActionResult(await JourneyEndpoints.StopJourneyThenAsync(
            id, catalog, (change, cancellationToken) => JourneyStopObserver.OnLifecycleChangedAsync(change, instances, cancellationToken), Aborted(req)));
    }

    /// <summary>The simulator is pure: it runs in this invocation, reading the catalog and touching nothing else.</summary>
    [Function("SimulateJourney")]
    public async Task<IActionResult> SimulateAsync([HttpTrigger(AuthorizationLevel.Function, "post", Route = "journeys/{id}/simulate")] HttpRequest req, string id) =>
        new ResultActionResult(await SimulationEndpoints.SimulateJourneyAsync(req, id, req.Query["version"].FirstOrDefault(), catalog, options, Aborted(req)));

    [Function("GetReport")]
    public async Task<IActionResult> ReportAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "journeys/{id}/report")] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        new ResultActionResult(await ReportEndpoints.GetReportAsync(id, runtime.For(new DurableInstanceGateway(client)), Aborted(req)));

    [Function("GetInstance")]
    public async Task<IActionResult> InstanceAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "journeys/{id}/instances/{profileId}")] HttpRequest req, string id, string profileId,
        [DurableClient] DurableTaskClient client) =>
        new ResultActionResult(await ReportEndpoints.GetInstanceAsync(id, profileId, runtime.For(new DurableInstanceGateway(client)), Aborted(req)));
}
