using System.Text.Json.Nodes;

namespace Journeys.Catalog;

public sealed partial class CatalogService
{
    /// <summary>
    /// Publishing a draft that is the live version's body again is a no-op that answers the live version: a script
    /// or pipeline that publishes on every run must not mint a version (and move every new entrant to it) each time.
    /// Only a live journey qualifies; publishing a closed or stopped journey's old body opens it again, as before.
    /// </summary>
    private async Task<JourneyLifecycleChange?> UnchangedLiveVersionAsync(StoredJourney stored, CancellationToken cancellationToken)
    {
        if (stored.Status != JourneyStatus.Live || stored.LiveVersion is not { } live
            || await store.GetJourneyVersionAsync(stored.Id, live, cancellationToken) is not { } version)
        {
            return null;
        }

        return JsonNode.DeepEquals(JsonNode.Parse(stored.DraftJson), JsonNode.Parse(version.BodyJson))
            ? new JourneyLifecycleChange(stored.Id, JourneyStatus.Live, live, [])
            : null;
    }
}
