using System.Text.Json;
using Journeys.Core.Routing;
using Journeys.Runtime.Hosting;
using Journeys.Runtime.Orchestration;
using Journeys.Runtime.Reporting;
using Journeys.Runtime.Routing;

namespace Journeys.Azure.Durable;

/// <summary>
/// <see cref="IRoutingContext"/> for the Azure host: de-duplication and re-entry in Table Storage, instances as
/// Durable orchestrations addressed by <see cref="InstanceIds.For"/>. One per batch; discards are counted in memory
/// and written by <see cref="FlushAsync"/>. An orchestration's status is read once per event and journey (resume,
/// the entry gate and the start share it; <see cref="BeginEvent"/> forgets it), so a start costs one status read.
/// </summary>
public sealed class AzureRoutingContext(
    IEventKeyStore eventKeys,
    IExitStore exits,
    IInstanceGateway instances,
    ICounterStore counters,
    CancellationToken cancellationToken = default) : IRoutingContext
{
    private readonly ReportCounters discards = new();
    private readonly Dictionary<string, bool> activeByInstance = new(StringComparer.Ordinal);

    /// <summary>Orchestrations this context started, by instance id (for diagnostics and tests).</summary>
    public IList<string> Started { get; } = [];

    /// <summary>Orchestrations this context raised an event to.</summary>
    public IList<string> Raised { get; } = [];

    public async ValueTask<bool> TryRecordEventKeyAsync(string eventId, string eventKey, DateTimeOffset now) =>
        await eventKeys.TryRecordAsync(eventId, eventKey, now, cancellationToken);

    /// <summary>Forgets the statuses read for the previous event: each event sees the orchestrations as they are now.</summary>
    public void BeginEvent() => activeByInstance.Clear();

    public async ValueTask<bool> IsActiveAsync(string journeyId, string profileId) =>
        await IsActiveAsync(InstanceIds.For(journeyId, profileId));

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

        if (activeByInstance.TryGetValue(instanceId, out var active) && !active)
        {
            // The entry gate has just read it inactive: no second read.
            await instances.StartAsync(instanceId, input, cancellationToken);
        }
        else if (!await instances.TryStartAsync(instanceId, input, cancellationToken))
        {
            // A concurrent start for the same profile won: exactly one instance runs, which is the point.
            return;
        }

        activeByInstance[instanceId] = true;
        Started.Add(instanceId);
    }

    public async ValueTask<bool> ResumeAsync(string journeyId, string profileId, string eventId, JsonElement rawEvent, DateTimeOffset now)
    {
        var instanceId = InstanceIds.For(journeyId, profileId);
        if (!await IsActiveAsync(instanceId))
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

    /// <summary>
    /// Never one: a Durable instance runs on the snapshot of its version taken at its start, so a version that no
    /// longer compiles against the catalog still runs, and <see cref="ResumeAsync"/> raises the event to it.
    /// </summary>
    public ValueTask<int?> WaitingVersionAsync(string journeyId, string profileId, string eventId) => ValueTask.FromResult<int?>(null);

    private async ValueTask<bool> IsActiveAsync(string instanceId)
    {
        if (!activeByInstance.TryGetValue(instanceId, out var active))
        {
            active = await instances.IsActiveAsync(instanceId, cancellationToken);
            activeByInstance[instanceId] = active;
        }

        return active;
    }

    public void Discarded(string journeyId, int version, DiscardReason reason) => discards.Discarded(journeyId, version, reason);

    public void Unmatched() => discards.Unmatched();

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
