using System.Text.Json.Nodes;

namespace Journeys.Runtime.Catalog;

public sealed partial class CatalogService
{
    /// <summary>
    /// Publish as the API offers it: like <see cref="PublishJourneyAsync(string, WriteCondition, CancellationToken)"/>,
    /// except that a valid draft identical to the live version publishes nothing and answers the live version (see
    /// <see cref="UnchangedLiveVersionAsync"/>). An invalid draft still gets the 409 of a publish.
    /// </summary>
    public async Task<CatalogResult<JourneyLifecycleChange>> PublishIfChangedAsync(string id, WriteCondition condition, CancellationToken cancellationToken = default)
    {
        if (IsValidId(id)
            && await store.GetJourneyAsync(id, cancellationToken) is { } stored
            && condition.IsSatisfiedBy(stored.DraftETag)
            && await UnchangedLiveVersionAsync(stored, cancellationToken) is { } unchanged)
        {
            var validation = validator.ValidateJourney(id, ParseJourney(stored.DraftJson), await SnapshotAsync(cancellationToken));
            if (validation.IsValid)
            {
                return CatalogResult<JourneyLifecycleChange>.Success(unchanged with { Warnings = validation.Warnings });
            }
        }

        return await PublishJourneyAsync(id, condition, cancellationToken);
    }

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
