using Journeys.Runtime.Catalog;

namespace Journeys.Azure.Tests.Tables;

/// <summary>
/// What every <see cref="ICatalogStore"/> must do, run here against the Table store on Azurite. Written to be
/// switched to the shared ICatalogStore contract class of the test-support project when it lands on main: the
/// only member a store supplies is <see cref="CreateStoreAsync"/>.
/// </summary>
public abstract class CatalogStoreContract
{
    protected static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A store over fresh (or shared, with unique ids per test) storage.</summary>
    protected abstract Task<ICatalogStore> CreateStoreAsync();

    protected static string NewId(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task A_resource_round_trips_and_each_write_issues_a_new_etag()
    {
        var store = await CreateStoreAsync();
        var id = NewId("evt");

        var created = await store.PutResourceAsync(CatalogResourceKind.EventDefinition, id, """{"a":1}""", WriteCondition.MustNotExist, Now, CancellationToken.None);
        var updated = await store.PutResourceAsync(CatalogResourceKind.EventDefinition, id, """{"a":2}""", WriteCondition.IfMatch(created.Value!.ETag), Now, CancellationToken.None);
        var read = await store.GetResourceAsync(CatalogResourceKind.EventDefinition, id, CancellationToken.None);

        Assert.Equal(StoreWriteStatus.Created, created.Status);
        Assert.Equal(StoreWriteStatus.Updated, updated.Status);
        Assert.NotEqual(created.Value.ETag, updated.Value!.ETag);
        Assert.Equal("""{"a":2}""", read!.BodyJson);
        Assert.Equal(updated.Value.ETag, read.ETag);
    }

    [Fact]
    public async Task Of_writers_racing_with_the_same_if_match_exactly_one_wins()
    {
        var store = await CreateStoreAsync();
        var id = NewId("act");
        var created = await store.PutResourceAsync(CatalogResourceKind.CustomAction, id, """{"v":0}""", WriteCondition.None, Now, CancellationToken.None);

        var results = await Task.WhenAll(Enumerable.Range(1, 6).Select(i =>
            store.PutResourceAsync(CatalogResourceKind.CustomAction, id, $$"""{"v":{{i}}}""", WriteCondition.IfMatch(created.Value!.ETag), Now, CancellationToken.None)));

        Assert.Equal(1, results.Count(r => r.Succeeded));
        Assert.Equal(5, results.Count(r => r.Status == StoreWriteStatus.PreconditionFailed));
        var winner = results.Single(r => r.Succeeded).Value!;
        Assert.Equal(winner.BodyJson, (await store.GetResourceAsync(CatalogResourceKind.CustomAction, id, CancellationToken.None))!.BodyJson);
    }

    [Fact]
    public async Task A_delete_with_a_stale_etag_is_refused_and_the_resource_stays()
    {
        var store = await CreateStoreAsync();
        var id = NewId("src");
        var first = await store.PutResourceAsync(CatalogResourceKind.DataSource, id, "{}", WriteCondition.None, Now, CancellationToken.None);
        await store.PutResourceAsync(CatalogResourceKind.DataSource, id, """{"x":1}""", WriteCondition.None, Now, CancellationToken.None);

        var refused = await store.DeleteResourceAsync(CatalogResourceKind.DataSource, id, WriteCondition.IfMatch(first.Value!.ETag), CancellationToken.None);

        Assert.Equal(StoreWriteStatus.PreconditionFailed, refused);
        Assert.NotNull(await store.GetResourceAsync(CatalogResourceKind.DataSource, id, CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_publishes_of_one_draft_give_versions_1_to_N_without_gaps()
    {
        var store = await CreateStoreAsync();
        var id = NewId("j");
        var draft = await store.PutJourneyDraftAsync(id, """{"name":"x"}""", WriteCondition.MustNotExist, Now, CancellationToken.None);

        var publishes = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            store.PublishDraftAsync(id, draft.Value!.DraftETag, Now, CancellationToken.None)));

        Assert.All(publishes, p => Assert.True(p.Succeeded, p.Status.ToString()));
        Assert.Equal([1, 2, 3, 4, 5, 6], publishes.Select(p => p.Value!.LiveVersion!.Value).Order());
        var journey = (await store.GetJourneyAsync(id, CancellationToken.None))!;
        Assert.Equal(6, journey.LiveVersion);
        Assert.Equal([1, 2, 3, 4, 5, 6], journey.Versions.Select(v => v.Version));
        Assert.Equal(1, journey.Versions.Count(v => v.Status == JourneyVersionStatus.Live));
    }

    [Fact]
    public async Task A_draft_larger_than_one_property_round_trips_into_its_published_version()
    {
        var store = await CreateStoreAsync();
        var id = NewId("big");
        var body = "{\"name\":\"" + string.Concat(Enumerable.Range(0, 20_000).Select(i => (char)('a' + (i % 26)) + "éö€\u4e2d")) + "\"}";

        var draft = await store.PutJourneyDraftAsync(id, body, WriteCondition.None, Now, CancellationToken.None);
        var published = await store.PublishDraftAsync(id, draft.Value!.DraftETag, Now, CancellationToken.None);

        Assert.True(body.Length > 64 * 1024 / 2, "the body must not fit one string property");
        Assert.Equal(body, (await store.GetJourneyAsync(id, CancellationToken.None))!.DraftJson);
        Assert.Equal(body, (await store.GetJourneyVersionAsync(id, published.Value!.LiveVersion!.Value, CancellationToken.None))!.BodyJson);
    }

    [Fact]
    public async Task A_status_change_from_a_status_the_journey_no_longer_has_is_refused()
    {
        var store = await CreateStoreAsync();
        var id = NewId("life");
        var draft = await store.PutJourneyDraftAsync(id, "{}", WriteCondition.None, Now, CancellationToken.None);
        await store.PublishDraftAsync(id, draft.Value!.DraftETag, Now, CancellationToken.None);

        var closed = await store.ChangeJourneyStatusAsync(id, JourneyStatus.Live, JourneyStatus.Closed, Now, CancellationToken.None);
        var again = await store.ChangeJourneyStatusAsync(id, JourneyStatus.Live, JourneyStatus.Stopped, Now, CancellationToken.None);
        var stopped = await store.ChangeJourneyStatusAsync(id, JourneyStatus.Closed, JourneyStatus.Stopped, Now, CancellationToken.None);

        Assert.True(closed.Succeeded);
        Assert.Equal(StoreWriteStatus.PreconditionFailed, again.Status);
        Assert.True(stopped.Succeeded);
        Assert.Equal([JourneyVersionStatus.Stopped], (await store.GetJourneyAsync(id, CancellationToken.None))!.Versions.Select(v => v.Status));
    }
}
