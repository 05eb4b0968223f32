using JourneyFunctions.Http;
using Journeys.Api;
using Journeys.Api.Endpoints;
using Journeys.Azure.Durable;
using Journeys.Runtime.Catalog;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace JourneyFunctions.Triggers;

/// <summary>SPEC §6 journey routes, report and instance view: each function is the shared handler, run by <see cref="ApiHandlerRunner"/>.</summary>
public sealed class JourneyApi(JourneyCatalog catalog, DurableJourneyRuntime runtime, ApiOptions options, ApiHandlerRunner run)
{
    [Function("ListJourneys")]
    public Task<IActionResult> ListAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = "journeys")] HttpRequest req) =>
        run.RunAsync(req, cancellationToken => JourneyEndpoints.ListJourneysAsync(catalog, cancellationToken));

    [Function("PutJourney")]
    public Task<IActionResult> PutAsync([HttpTrigger(AuthorizationLevel.Function, "put", Route = "journeys/{id}")] HttpRequest req, string id) =>
        run.RunAsync(req, cancellationToken => JourneyEndpoints.PutJourneyAsync(req, id, catalog, options, cancellationToken));

    [Function("GetJourney")]
    public Task<IActionResult> GetAsync([HttpTrigger(AuthorizationLevel.Function, "get", Route = "journeys/{id}")] HttpRequest req, string id) =>
        run.RunAsync(req, cancellationToken => JourneyEndpoints.GetJourneyAsync(req, id, catalog, cancellationToken));

    [Function("ValidateJourney")]
    public Task<IActionResult> ValidateAsync([HttpTrigger(AuthorizationLevel.Function, "post", Route = "journeys/{id}/validate")] HttpRequest req, string id) =>
        run.RunAsync(req, cancellationToken => JourneyEndpoints.ValidateJourneyAsync(id, catalog, cancellationToken));

    [Function("PublishJourney")]
    public Task<IActionResult> PublishAsync([HttpTrigger(AuthorizationLevel.Function, "post", Route = "journeys/{id}/publish")] HttpRequest req, string id) =>
        run.RunAsync(req, cancellationToken => JourneyEndpoints.PublishJourneyAsync(req, id, catalog, cancellationToken));

    [Function("CloseJourney")]
    public Task<IActionResult> CloseAsync([HttpTrigger(AuthorizationLevel.Function, "post", Route = "journeys/{id}/close")] HttpRequest req, string id) =>
        run.RunAsync(req, cancellationToken => JourneyEndpoints.CloseJourneyAsync(id, catalog, cancellationToken));

    /// <summary>After the stop, <see cref="JourneyStopObserver"/> raises the stop event to every active instance through this invocation's client.</summary>
    [Function("StopJourney")]
    public Task<IActionResult> StopAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "journeys/{id}/stop")] HttpRequest req, string id, [DurableClient] DurableTaskClient client)
    {
        var instances = new DurableInstanceGateway(client);
        return run.RunAsync(req, cancellationToken => JourneyEndpoints.StopJourneyThenAsync(
            id, catalog, (change, stopping) => JourneyStopObserver.OnLifecycleChangedAsync(change, instances, stopping), cancellationToken));
    }

    /// <summary>The simulator is pure: it runs in this invocation, reading the catalog and touching nothing else.</summary>
    [Function("SimulateJourney")]
    public Task<IActionResult> SimulateAsync([HttpTrigger(AuthorizationLevel.Function, "post", Route = "journeys/{id}/simulate")] HttpRequest req, string id) =>
        run.RunAsync(req, cancellationToken => SimulationEndpoints.SimulateJourneyAsync(req, id, req.Query["version"].FirstOrDefault(), catalog, options, cancellationToken));

    [Function("GetReport")]
    public Task<IActionResult> ReportAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "journeys/{id}/report")] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        run.RunAsync(req, cancellationToken => ReportEndpoints.GetReportAsync(id, runtime.For(new DurableInstanceGateway(client)), cancellationToken));

    [Function("GetInstance")]
    public Task<IActionResult> InstanceAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "journeys/{id}/instances/{profileId}")] HttpRequest req, string id, string profileId,
        [DurableClient] DurableTaskClient client) =>
        run.RunAsync(req, cancellationToken => ReportEndpoints.GetInstanceAsync(id, profileId, runtime.For(new DurableInstanceGateway(client)), cancellationToken));
}
