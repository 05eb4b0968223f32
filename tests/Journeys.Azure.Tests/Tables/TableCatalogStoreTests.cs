using Azure.Data.Tables;
using Journeys.Azure.Tables;
using Journeys.Azure.Tests.Azurite;
using Journeys.Runtime.Catalog;
using Journeys.TestSupport.Azurite;

namespace Journeys.Azure.Tests.Tables;

/// <summary>
/// What only the Table store has to get right beyond the shared contract (<see cref="TableCatalogStoreContractTests"/>):
/// bodies larger than one table property, and ETag races on one client, decided by the Table service's own ETags.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableCatalogStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly string prefix = "t" + Guid.NewGuid().ToString("N")[..12];

    private ICatalogStore store = null!;

    public Task InitializeAsync()
    {
        store = new TableCatalogStore(new JourneyTables(new TableServiceClient(azurite.ConnectionString), prefix));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await new TableServiceClient(azurite.ConnectionString).DeleteTableAsync(prefix + JourneyTables.Catalog);

    [Fact]
    public async Task Of_writers_racing_on_one_client_with_the_same_if_match_exactly_one_wins()
    {
        var created = await store.PutResourceAsync(CatalogResourceKind.CustomAction, "act", """{"v":0}""", WriteCondition.None, Now, CancellationToken.None);

        var results = await Task.WhenAll(Enumerable.Range(1, 6).Select(i =>
            store.PutResourceAsync(CatalogResourceKind.CustomAction, "act", $$"""{"v":{{i}}}""", WriteCondition.IfMatch(created.Value!.ETag), Now, CancellationToken.None)));

        Assert.Equal(1, results.Count(r => r.Succeeded));
        Assert.Equal(5, results.Count(r => r.Status == StoreWriteStatus.PreconditionFailed));
        var winner = results.Single(r => r.Succeeded).Value!;
        Assert.Equal(winner.BodyJson, (await store.GetResourceAsync(CatalogResourceKind.CustomAction, "act", CancellationToken.None))!.BodyJson);
    }

    [Fact]
    public async Task A_draft_larger_than_one_property_round_trips_into_its_published_version()
    {
        var body = "{\"name\":\"" + string.Concat(Enumerable.Range(0, 20_000).Select(i => (char)('a' + (i % 26)) + "éö€\u4e2d")) + "\"}";

        var draft = await store.PutJourneyDraftAsync("big", body, WriteCondition.None, Now, CancellationToken.None);
        var published = await store.PublishDraftAsync("big", draft.Value!.DraftETag, Now, CancellationToken.None);

        Assert.True(body.Length > 64 * 1024 / 2, "the body must not fit one string property");
        Assert.Equal(body, (await store.GetJourneyAsync("big", CancellationToken.None))!.DraftJson);
        Assert.Equal(body, (await store.GetJourneyVersionAsync("big", published.Value!.LiveVersion!.Value, CancellationToken.None))!.BodyJson);
    }
}
