using JourneyFunctions.Http;
using Journeys.Api;
using Journeys.Api.Endpoints;
using Journeys.Azure.Durable;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace JourneyFunctions.Triggers;

/// <summary>
/// <c>POST /api/ingest</c> (same routing as Event Hubs, via <see cref="DurableJourneyRuntime"/>) and <c>GET /api/health</c>.
/// Each binds the invocation's Durable client and hands it to the runtime (<see cref="DurableJourneyRuntime.For"/>).
/// </summary>
public sealed class IngestAndHealthApi(DurableJourneyRuntime runtime, ApiOptions options, ILoggerFactory loggers, ApiHandlerRunner run)
{
    [Function("Ingest")]
    public Task<IActionResult> IngestAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "ingest")] HttpRequest req, [DurableClient] DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return run.RunAsync(req, cancellationToken => IngestEndpoints.IngestAsync(req, runtime.For(new DurableInstanceGateway(client)), options, cancellationToken));
    }

    /// <summary>Anonymous like on the embedded host: a probe must not need a key.</summary>
    [Function("Health")]
    public Task<IActionResult> HealthAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest req, [DurableClient] DurableTaskClient client) =>
        run.RunAsync(req, cancellationToken => HealthEndpoints.GetHealthAsync(runtime.For(new DurableInstanceGateway(client)), loggers, cancellationToken));
}
