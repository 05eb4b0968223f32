using JourneyFunctions.Http;
using Journeys.Api;
using Journeys.Api.Endpoints;
using Journeys.Azure.Durable;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using static JourneyFunctions.Http.RequestCancellation;

namespace JourneyFunctions.Triggers;

/// <summary>
/// <c>POST /api/ingest</c> (same routing as Event Hubs, via <see cref="DurableJourneyRuntime"/>) and <c>GET /api/health</c>.
/// Each binds the invocation's Durable client and hands it to the runtime (<see cref="DurableJourneyRuntime.For"/>).
/// </summary>
public sealed class IngestAndHealthApi(DurableJourneyRuntime runtime, ApiOptions options, ILoggerFactory loggers)
{
    [Function("Ingest")]
    public async Task<IActionResult> IngestAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "ingest")] HttpRequest req, [DurableClient] DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new ResultActionResult(await IngestEndpoints.IngestAsync(req, runtime.For(new DurableInstanceGateway(client)), options, Aborted(req)));
    }

    /// <summary>Anonymous like on the embedded host: a probe must not need a key.</summary>
    [Function("Health")]
    public async Task<IActionResult> HealthAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest req, [DurableClient] DurableTaskClient client) =>
        new ResultActionResult(await HealthEndpoints.GetHealthAsync(runtime.For(new DurableInstanceGateway(client)), loggers, Aborted(req)));
}
