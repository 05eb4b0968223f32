using System.Text.Json;
using Journeys.Routing;

namespace Journeys.Engine;

/// <summary>
/// What <see cref="EventRouter"/> needs from a host for one unit of work (one SQLite transaction in the embedded
/// host, one Event Hubs batch in Azure): de-duplication, the active/exit state of a (journey, profile), starting and
/// resuming instances, and counting discards.
/// </summary>
public interface IRoutingContext
{
    /// <summary>Records an event key; false when it was already seen within the retention window (a duplicate).</summary>
    ValueTask<bool> TryRecordEventKeyAsync(string eventId, string eventKey, DateTimeOffset now);

    ValueTask<bool> IsActiveAsync(string journeyId, string profileId);

    /// <summary>When the profile's last instance in the journey ended, if ever.</summary>
    ValueTask<DateTimeOffset?> LastExitAsync(string journeyId, string profileId);

    /// <summary>Starts an instance of the live version for the profile, entered by <paramref name="entryEvent"/>.</summary>
    ValueTask StartAsync(LiveJourney journey, string profileId, JsonElement entryEvent, DateTimeOffset now);

    /// <summary>
    /// Delivers the event to the profile's active instance in the journey if it may be waiting for it; true when it
    /// was taken (embedded: the instance correlated and moved on; Azure: the event was raised to a running instance).
    /// </summary>
    ValueTask<bool> ResumeAsync(string journeyId, string profileId, string eventId, JsonElement rawEvent, DateTimeOffset now);

    void Discarded(string journeyId, int version, DiscardReason reason);
}
