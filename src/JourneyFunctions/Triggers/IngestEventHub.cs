using Journeys.Azure.Durable;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace JourneyFunctions.Triggers;

/// <summary>
/// Event Hubs in (batched: the attribute's default, so <c>string[]</c> receives the whole batch): each message is one JSON event or an array; routing, starts, raises and dead letters are
/// <see cref="AzureIngestion.IngestOrDeadLetterAsync"/>. Nothing escapes except cancellation, so the trigger
/// checkpoints every batch; what could not be routed is in the dead-letter table with its reason.
/// </summary>
public sealed partial class IngestEventHub(AzureIngestion ingestion, RoutingTableCache tables, ILogger<IngestEventHub> logger)
{
    [Function(nameof(IngestEventHub))]
    public async Task RunAsync(
        [EventHubTrigger("%EventHubName%", Connection = "EventHubConnection", ConsumerGroup = "%EventHubConsumerGroup%")] string[] messages,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            var summary = await ingestion.IngestOrDeadLetterAsync(tables.GetAsync, messages, new DurableInstanceGateway(client), context.CancellationToken);
            LogBatch(messages.Length, summary.Results.Count, summary.DeadLettered);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            throw; // The host is shutting down: the batch is redelivered from the last checkpoint.
        }
#pragma warning disable CA1031 // Only the dead-letter store itself failing lands here; throwing would not un-checkpoint the batch.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogLost(ex, messages.Length);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingested a batch of {Messages} messages: {Events} events routed, {DeadLettered} dead-lettered.")]
    private partial void LogBatch(int messages, int events, int deadLettered);

    [LoggerMessage(Level = LogLevel.Critical, Message = "A batch of {Messages} messages could be neither routed nor dead-lettered.")]
    private partial void LogLost(Exception exception, int messages);
}
