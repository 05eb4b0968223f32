using System.Text.Json.Nodes;

namespace Journeys.Runtime.Catalog;

public sealed partial class JourneyCatalog
{
    /// <summary>
    /// Publish as the API offers it: like <see cref="PublishAsync(string, WriteCondition, CancellationToken)"/>,
    /// except that a valid draft identical to the live version publishes nothing and answers the live version (see
    /// <see cref="UnchangedLiveVersionAsync"/>). An invalid draft still gets the 409 of a publish.
    /// </summary>
    public async Task<CatalogResult<JourneyLifecycleChange>> PublishIfChangedAsync(string id, WriteCondition condition, CancellationToken cancellationToken = default)
    {
        if (CatalogFailures.IsValidId(id)
            && await Store.GetJourneyAsync(id, cancellationToken) is { } stored
            && condition.IsSatisfiedBy(stored.DraftETag)
            && await UnchangedLiveVersionAsync(stored, cancellationToken) is { } unchanged)
        {
            var validation = Validator.ValidateJourney(id, StoredBodies.Journey(stored.DraftJson), await GetConfigurationAsync(cancellationToken));
            if (validation.IsValid)
            {
                return CatalogResult<JourneyLifecycleChange>.Success(unchanged with { Warnings = validation.Warnings });
            }
        }

        return await PublishAsync(id, condition, cancellationToken);
    }

    /// <summary>
    /// Publishing a draft that is the live version's body again is a no-op that answers the live version: a script
    /// or pipeline that publishes on every run must not mint a version (and move every new entrant to it) each time.
    /// Only a live journey qualifies; publishing a closed or stopped journey's old body opens it again, as before.
    /// </summary>
    private async Task<JourneyLifecycleChange?> UnchangedLiveVersionAsync(StoredJourney stored, CancellationToken cancellationToken)
    {
        if (stored.Status != JourneyStatus.Live || stored.LiveVersion is not { } live
            || await Store.GetJourneyVersionAsync(stored.Id, live, cancellationToken) is not { } version)
        {
            return null;
        }

        return JsonNode.DeepEquals(JsonNode.Parse(stored.DraftJson), JsonNode.Parse(version.BodyJson))
            ? new JourneyLifecycleChange(stored.Id, JourneyStatus.Live, live, [])
            : null;
    }
}
