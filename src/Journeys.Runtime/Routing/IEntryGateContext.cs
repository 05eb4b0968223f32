using Journeys.Core.Routing;

using Journeys.Runtime.Hosting;

namespace Journeys.Runtime.Routing;

/// <summary>
/// What <see cref="EntryGate"/> reads and counts through a host: whether the profile has an active instance of the
/// journey, when its last one ended, and a refused entry as a discard of the journey.
/// </summary>
public interface IEntryGateContext
{
    ValueTask<bool> IsActiveAsync(string journeyId, string profileId);

    /// <summary>When the profile's last instance in the journey ended, if ever.</summary>
    ValueTask<DateTimeOffset?> LastExitAsync(string journeyId, string profileId);

    void Discarded(string journeyId, int version, DiscardReason reason);
}
