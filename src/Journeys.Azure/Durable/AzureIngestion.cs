using System.Text.Json;
using Journeys.Runtime.Hosting;
using Journeys.Runtime.Ingestion;
using Journeys.Runtime.Routing;

namespace Journeys.Azure.Durable;

/// <summary>
/// Ingestion on the Azure host, for Event Hubs batches and <c>POST /api/ingest</c>: every event goes through
/// <see cref="EventRouter"/> with an <see cref="AzureRoutingContext"/>. A message that is not JSON, an item that is
/// not an event object, and an event whose routing throws are written to the dead-letter store with the reason and
/// never stop the rest of the batch. The orchestrations are reached through the <see cref="IInstanceGateway"/> each call
/// is given (the Durable client of the function invocation), so a caller cannot forget it.
/// </summary>
public sealed class AzureIngestion(
    IEventKeyStore eventKeys,
    IExitStore exits,
    ICounterStore counters,
    IDeadLetterStore deadLetters,
    TimeProvider time)
{
    /// <summary>Routes an Event Hubs batch: each message is one JSON event or a JSON array of events.</summary>
    public async Task<IngestBatchSummary> IngestBatchAsync(
        RoutingTable table, IReadOnlyList<string> messages, IInstanceGateway instances, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(instances);
        var context = new AzureRoutingContext(eventKeys, exits, instances, counters, cancellationToken);
        var results = new List<IngestResult>();
        var deadLettered = 0;
        foreach (var message in messages)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(message ?? string.Empty);
            }
            catch (JsonException ex)
            {
                await deadLetters.AddAsync(message ?? string.Empty, "malformed JSON: " + ex.Message, time.GetUtcNow(), cancellationToken);
                deadLettered++;
                continue;
            }

            using (document)
            {
                var root = document.RootElement;
                var events = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : [root];
                foreach (var rawEvent in events)
                {
                    var result = await RouteOneAsync(table, rawEvent, context, cancellationToken);
                    results.Add(result);
                    if (result.Error is { } error)
                    {
                        await deadLetters.AddAsync(rawEvent.GetRawText(), error, time.GetUtcNow(), cancellationToken);
                        deadLettered++;
                    }
                }
            }
        }

        await context.FlushAsync();
        return new IngestBatchSummary(results, deadLettered);
    }

    /// <summary>
    /// What the Event Hubs trigger calls: like <see cref="IngestBatchAsync"/>, but when the batch cannot be routed at
    /// all (the routing table cannot be loaded) every message is dead-lettered with the reason instead, so that the
    /// trigger can checkpoint without losing them. Throws only when even the dead-letter store fails.
    /// </summary>
    public async Task<IngestBatchSummary> IngestOrDeadLetterAsync(
        Func<CancellationToken, Task<RoutingTable>> tableSource, IReadOnlyList<string> messages, IInstanceGateway instances, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tableSource);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(instances);
        RoutingTable table;
        try
        {
            table = await tableSource(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Whatever broke the catalog read, the messages must be kept: they are dead-lettered with its reason.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            foreach (var message in messages)
            {
                await deadLetters.AddAsync(message ?? string.Empty, $"routing table unavailable: {ex.GetType().Name}: {ex.Message}", time.GetUtcNow(), cancellationToken);
            }

            return new IngestBatchSummary([], messages.Count);
        }

        return await IngestBatchAsync(table, messages, instances, cancellationToken);
    }

    /// <summary>Routes already-parsed events (<c>POST /api/ingest</c>); failures come back as results with an error.</summary>
    public async Task<IReadOnlyList<IngestResult>> IngestEventsAsync(
        RoutingTable table, IReadOnlyList<JsonElement> events, IInstanceGateway instances, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(instances);
        var context = new AzureRoutingContext(eventKeys, exits, instances, counters, cancellationToken);
        var results = new List<IngestResult>(events.Count);
        foreach (var rawEvent in events)
        {
            results.Add(await RouteOneAsync(table, rawEvent, context, cancellationToken));
        }

        await context.FlushAsync();
        return results;
    }

    private async Task<IngestResult> RouteOneAsync(RoutingTable table, JsonElement rawEvent, AzureRoutingContext context, CancellationToken cancellationToken)
    {
        try
        {
            context.BeginEvent();
            return await EventRouter.RouteAsync(table, rawEvent, context, time.GetUtcNow());
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // One event's failure (storage hiccup, a bug) must not lose the rest of the batch: it is dead-lettered.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new IngestResult { Error = $"routing failed: {ex.GetType().Name}: {ex.Message}" };
        }
    }
}
