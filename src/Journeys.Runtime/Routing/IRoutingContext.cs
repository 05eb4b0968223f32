using System.Text.Json;

using Journeys.Runtime.Hosting;

namespace Journeys.Runtime.Routing;

/// <summary>
/// What <see cref="EventRouter"/> needs from a host for one unit of work (one SQLite transaction in the embedded
/// host, one Event Hubs batch in Azure): de-duplication, starting and resuming instances, and what the
/// <see cref="EntryGate"/> reads (the active/exit state of a (journey, profile)) and counts (discards).
/// </summary>
public interface IRoutingContext : IEntryGateContext
{
    /// <summary>Records an event key; false when it was already seen within the retention window (a duplicate).</summary>
    ValueTask<bool> TryRecordEventKeyAsync(string eventId, string eventKey, DateTimeOffset now);

    /// <summary>Starts an instance of the live version for the profile, entered by <paramref name="entryEvent"/>.</summary>
    ValueTask StartAsync(LiveJourney journey, string profileId, JsonElement entryEvent, DateTimeOffset now);

    /// <summary>
    /// Delivers the event to the profile's active instance in the journey if it may be waiting for it; true when it
    /// was taken (embedded: the instance correlated and moved on; Azure: the event was raised to a running instance).
    /// </summary>
    ValueTask<bool> ResumeAsync(string journeyId, string profileId, string eventId, JsonElement rawEvent, DateTimeOffset now);

    /// <summary>
    /// The version of the profile's active instance in the journey when that instance waits for
    /// <paramref name="eventId"/>; null otherwise. Asked only after <see cref="ResumeAsync"/> did not take the event
    /// and the journey has a version that no longer compiles, so that such an event is answered with a discard.
    /// </summary>
    ValueTask<int?> WaitingVersionAsync(string journeyId, string profileId, string eventId);

    /// <summary>Counts an event that matched no event definition (SPEC §5: answered <c>matched: []</c> and counted).</summary>
    void Unmatched();
}
