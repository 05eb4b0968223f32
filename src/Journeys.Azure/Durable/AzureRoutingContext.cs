using System.Text.Json;
using Journeys.Engine;
using Journeys.Orchestration;
using Journeys.Reporting;
using Journeys.Routing;

namespace Journeys.Durable;

/// <summary>
/// <see cref="IRoutingContext"/> for the Azure host: de-duplication and re-entry in Table Storage, instances as
/// Durable orchestrations addressed by <see cref="InstanceIds.For"/>. One per batch; discards are counted in memory
/// and written by <see cref="FlushAsync"/>.
/// </summary>
public sealed class AzureRoutingContext(
    IEventKeyStore eventKeys,
    IExitStore exits,
    IInstanceGateway instances,
    ICounterStore counters,
    CancellationToken cancellationToken = default) : IRoutingContext
{
    private readonly ReportCounters discards = new();

    /// <summary>Orchestrations this context started, by instance id (for diagnostics and tests).</summary>
    public IList<string> Started { get; } = [];

    /// <summary>Orchestrations this context raised an event to.</summary>
    public IList<string> Raised { get; } = [];

    public async ValueTask<bool> TryRecordEventKeyAsync(string eventId, string eventKey, DateTimeOffset now) =>
        await eventKeys.TryRecordAsync(eventId, eventKey, now, cancellationToken);

    public async ValueTask<bool> IsActiveAsync(string journeyId, string profileId) =>
        await instances.IsActiveAsync(InstanceIds.For(journeyId, profileId), cancellationToken);

    public async ValueTask<DateTimeOffset?> LastExitAsync(string journeyId, string profileId) =>
        await exits.GetLastExitAsync(journeyId, profileId, cancellationToken);

    public async ValueTask StartAsync(LiveJourney journey, string profileId, JsonElement entryEvent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(journey);
        var instanceId = InstanceIds.For(journey.JourneyId, profileId);
        var input = new OrchestrationInput
        {
            JourneyId = journey.JourneyId,
            Version = journey.Version,
            ProfileId = profileId,
            InstanceId = InstanceIds.RunId(instanceId, now),
            Entry = entryEvent.Clone(),
        };

        // False means a concurrent start for the same profile won: exactly one instance runs, which is the point.
        if (await instances.TryStartAsync(instanceId, input, cancellationToken))
        {
            Started.Add(instanceId);
        }
    }

    public async ValueTask<bool> ResumeAsync(string journeyId, string profileId, string eventId, JsonElement rawEvent, DateTimeOffset now)
    {
        var instanceId = InstanceIds.For(journeyId, profileId);
        if (!await instances.IsActiveAsync(instanceId, cancellationToken))
        {
            return false;
        }

        // Whether the instance waits for this event (and whether it correlates) is the orchestration's decision;
        // the envelope's time lets it ignore an event raised before its wait began.
        var payload = OrchestrationJson.Serialize(new EventEnvelope(eventId, now, rawEvent));
        await instances.RaiseAsync(instanceId, OrchestrationEvents.ForEvent(eventId), payload, cancellationToken);
        Raised.Add(instanceId);
        return true;
    }

    public void Discarded(string journeyId, int version, DiscardReason reason) => discards.Discarded(journeyId, version, reason);

    /// <summary>Writes the discard counters gathered so far.</summary>
    public async Task FlushAsync()
    {
        if (!discards.IsEmpty)
        {
            await counters.AddAsync(new Dictionary<CounterKey, long>(discards.Deltas), cancellationToken);
            discards.Clear();
        }
    }
}
