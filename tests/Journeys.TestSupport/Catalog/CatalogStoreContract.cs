using Journeys.Embedded.Storage;
using Journeys.Runtime.Catalog;
using Journeys.TestSupport.Connectors;
using Journeys.TestSupport.Storage;

namespace Journeys.TestSupport.Catalog;

/// <summary>
/// What every <see cref="ICatalogStore"/> must do, run once per store by deriving from this class and saying how to
/// open it: conditional writes decided inside the store's atomic write, the lifecycle transitions of
/// <see cref="JourneyTransitions"/>, gap-free version numbers and one winner under concurrent writers. Each test
/// gets a fresh, empty store; <see cref="OpenStoreAsync"/> called again gives another handle on the same store (its
/// own connections), as another process would have.
/// </summary>
public abstract class CatalogStoreContract : IAsyncLifetime
{
    private const int Writers = 8;

    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    static CatalogStoreContract()
    {
        // The pool starts with one thread per core (2 here) and grows slowly; the writers must really overlap.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, Writers * 2), io);
    }

    private CatalogUnderTest catalog = null!;

    /// <summary>The store under test: the first call creates it empty, later calls open other handles on it.</summary>
    protected abstract Task<ICatalogStore> OpenStoreAsync();

    public virtual async Task InitializeAsync() => catalog = await NewCatalogAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    // ---- Resources ------------------------------------------------------------------------------------------

    [Fact]
    public async Task A_resource_is_created_then_updated_with_a_new_etag_and_listed_by_id_per_kind()
    {
        var store = await OpenStoreAsync();
        var created = await store.PutResourceAsync(CatalogResourceKind.DataSource, "b", "{\"v\":1}", WriteCondition.None, Start, CancellationToken.None);
        var updated = await store.PutResourceAsync(CatalogResourceKind.DataSource, "b", "{\"v\":2}", WriteCondition.None, Start, CancellationToken.None);
        await store.PutResourceAsync(CatalogResourceKind.DataSource, "a", "{}", WriteCondition.None, Start, CancellationToken.None);
        await store.PutResourceAsync(CatalogResourceKind.CustomAction, "c", "{}", WriteCondition.None, Start, CancellationToken.None);

        Assert.Equal(StoreWriteStatus.Created, created.Status);
        Assert.Equal(StoreWriteStatus.Updated, updated.Status);
        Assert.NotEqual(created.Value!.ETag, updated.Value!.ETag);
        var read = (await store.GetResourceAsync(CatalogResourceKind.DataSource, "b", CancellationToken.None))!;
        Assert.Equal("{\"v\":2}", read.BodyJson);
        Assert.Equal(updated.Value.ETag, read.ETag);
        Assert.Equal(["a", "b"], (await store.ListResourcesAsync(CatalogResourceKind.DataSource, CancellationToken.None)).Select(r => r.Id));
        Assert.Null(await store.GetResourceAsync(CatalogResourceKind.EventDefinition, "b", CancellationToken.None));
    }

    [Fact]
    public async Task Deleting_an_absent_resource_is_not_found()
    {
        var store = await OpenStoreAsync();

        Assert.Equal(StoreWriteStatus.NotFound, await store.DeleteResourceAsync(CatalogResourceKind.CustomAction, "nope", WriteCondition.None, CancellationToken.None));
    }

    [Fact]
    public async Task A_delete_with_a_stale_etag_is_refused_and_the_resource_stays()
    {
        var store = await OpenStoreAsync();
        var first = await store.PutResourceAsync(CatalogResourceKind.DataSource, "loyalty", "{}", WriteCondition.None, Start, CancellationToken.None);
        await store.PutResourceAsync(CatalogResourceKind.DataSource, "loyalty", "{\"x\":1}", WriteCondition.None, Start, CancellationToken.None);

        var refused = await store.DeleteResourceAsync(CatalogResourceKind.DataSource, "loyalty", WriteCondition.IfMatch(first.Value!.ETag), CancellationToken.None);

        Assert.Equal(StoreWriteStatus.PreconditionFailed, refused);
        Assert.Equal("{\"x\":1}", (await store.GetResourceAsync(CatalogResourceKind.DataSource, "loyalty", CancellationToken.None))!.BodyJson);
    }

    [Fact]
    public async Task If_match_with_a_list_replaces_when_the_current_etag_is_any_of_them()
    {
        var first = (await catalog.Events.PutAsync("cart.abandoned", Samples.CartAbandoned("v1"))).Value!.Value;

        var second = await catalog.Events.PutAsync("cart.abandoned", Samples.CartAbandoned("v2"), WriteCondition.IfMatchAny(["other", first.ETag]));

        Assert.True(second.Succeeded);
        Assert.False(second.Value.Created);
        Assert.Equal("v2", (await catalog.Events.GetAsync("cart.abandoned")).Value!.Body.Description);
    }

    [Fact]
    public async Task If_match_with_a_list_none_of_which_is_current_is_refused_and_keeps_the_body()
    {
        await catalog.Events.PutAsync("cart.abandoned", Samples.CartAbandoned("v1"));

        var refused = await catalog.Events.PutAsync("cart.abandoned", Samples.CartAbandoned("v2"), WriteCondition.IfMatchAny(["x", "y"]));

        Assert.Equal(CatalogErrorCodes.PreconditionFailed, refused.Failure?.Code);
        Assert.Equal("v1", (await catalog.Events.GetAsync("cart.abandoned")).Value!.Body.Description);
    }

    [Fact]
    public async Task Delete_with_a_list_deletes_on_a_hit_and_refuses_a_miss()
    {
        var put = (await catalog.Actions.PutAsync("send-email", Samples.SendEmail(), WriteCondition.None)).Value!.Value;

        var miss = await catalog.Actions.DeleteAsync("send-email", WriteCondition.IfMatchAny(["x", "y"]));
        Assert.Equal(CatalogErrorCodes.PreconditionFailed, miss.Failure?.Code);

        var hit = await catalog.Actions.DeleteAsync("send-email", WriteCondition.IfMatchAny(["x", put.ETag]));
        Assert.True(hit.Succeeded);
        Assert.Equal(CatalogErrorCodes.NotFound, (await catalog.Actions.GetAsync("send-email")).Failure?.Code);
    }

    [Fact]
    public async Task Must_not_exist_creates_a_journey_once_and_then_refuses()
    {
        var created = await catalog.Journeys.PutDraftAsync("cart", Samples.Cart("first"), WriteCondition.MustNotExist);
        var again = await catalog.Journeys.PutDraftAsync("cart", Samples.Cart("second"), WriteCondition.MustNotExist);

        Assert.True(created.Succeeded);
        Assert.True(created.Value.Created);
        Assert.Equal(CatalogErrorCodes.PreconditionFailed, again.Failure?.Code);
        Assert.Equal("first", (await catalog.Journeys.GetAsync("cart")).Value!.Draft.Name);
    }

    [Fact]
    public async Task Must_not_exist_refuses_to_replace_a_resource()
    {
        await catalog.DataSources.PutAsync("loyalty", Samples.Loyalty(), WriteCondition.None);

        var again = await catalog.DataSources.PutAsync("loyalty", Samples.Loyalty(), WriteCondition.MustNotExist);

        Assert.Equal(CatalogErrorCodes.PreconditionFailed, again.Failure?.Code);
    }

    [Fact]
    public async Task Excluded_etags_refuse_a_write_over_that_version_and_allow_it_over_another()
    {
        var first = (await catalog.Journeys.PutDraftAsync("cart", Samples.Cart("v1"), WriteCondition.None)).Value!.Value;

        var refused = await catalog.Journeys.PutDraftAsync("cart", Samples.Cart("v2"), WriteCondition.None.ExceptETags([first.DraftETag]));
        var allowed = await catalog.Journeys.PutDraftAsync("cart", Samples.Cart("v3"), WriteCondition.None.ExceptETags(["some-older-etag"]));

        Assert.Equal(CatalogErrorCodes.PreconditionFailed, refused.Failure?.Code);
        Assert.True(allowed.Succeeded);
        Assert.Equal("v3", (await catalog.Journeys.GetAsync("cart")).Value!.Draft.Name);
    }

    [Fact]
    public async Task An_unsatisfiable_condition_never_writes()
    {
        Assert.True(WriteCondition.TryFromHeaders("*", "*", out var impossible));

        var absent = await catalog.Events.PutAsync("cart.abandoned", Samples.CartAbandoned(), impossible);
        await catalog.Events.PutAsync("cart.abandoned", Samples.CartAbandoned("v1"), WriteCondition.None);
        var present = await catalog.Events.PutAsync("cart.abandoned", Samples.CartAbandoned("v2"), impossible);

        Assert.Equal(CatalogErrorCodes.PreconditionFailed, absent.Failure?.Code);
        Assert.Equal(CatalogErrorCodes.PreconditionFailed, present.Failure?.Code);
        Assert.Equal("v1", (await catalog.Events.GetAsync("cart.abandoned")).Value!.Body.Description);
    }

    // ---- Journey lifecycle ----------------------------------------------------------------------------------

    [Fact]
    public async Task Publishing_makes_the_new_version_live_and_the_previous_live_one_closed()
    {
        var store = await OpenStoreAsync();
        var draft = (await store.PutJourneyDraftAsync("cart", "{\"name\":\"a\"}", WriteCondition.None, Start, CancellationToken.None)).Value!;

        var first = await store.PublishDraftAsync("cart", draft.DraftETag, Start, CancellationToken.None);
        var second = await store.PublishDraftAsync("cart", draft.DraftETag, Start.AddHours(1), CancellationToken.None);

        Assert.Equal((JourneyStatus.Live, (int?)1), (first.Value!.Status, first.Value.LiveVersion));
        Assert.Empty(first.Value.EndedVersions);
        Assert.Equal(2, second.Value!.LiveVersion);
        Assert.Equal([1], second.Value.EndedVersions);
        var journey = (await store.GetJourneyAsync("cart", CancellationToken.None))!;
        Assert.Equal(JourneyStatus.Live, journey.Status);
        Assert.Equal(2, journey.LiveVersion);
        Assert.Equal(
            [(1, JourneyVersionStatus.Closed, (DateTimeOffset?)Start.AddHours(1)), (2, JourneyVersionStatus.Live, null)],
            journey.Versions.Select(v => (v.Version, v.Status, v.EndedAt)));
        Assert.Equal("{\"name\":\"a\"}", (await store.GetJourneyVersionAsync("cart", 1, CancellationToken.None))!.BodyJson);
        Assert.Null(await store.GetJourneyVersionAsync("cart", 3, CancellationToken.None));
    }

    [Fact]
    public async Task Publishing_a_draft_that_changed_meanwhile_or_a_missing_journey_is_refused()
    {
        var store = await OpenStoreAsync();
        await store.PutJourneyDraftAsync("cart", "{}", WriteCondition.None, Start, CancellationToken.None);

        Assert.Equal(StoreWriteStatus.PreconditionFailed, (await store.PublishDraftAsync("cart", "stale", Start, CancellationToken.None)).Status);
        Assert.Equal(StoreWriteStatus.NotFound, (await store.PublishDraftAsync("nope", "any", Start, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task Closing_a_live_journey_closes_its_live_version_only()
    {
        var store = await LiveWithTwoVersionsAsync();
        var at = Start.AddDays(1);

        var changed = await store.ChangeJourneyStatusAsync("cart", JourneyStatus.Live, JourneyStatus.Closed, at, CancellationToken.None);

        Assert.Equal([2], changed.Value!.EndedVersions);
        var journey = (await store.GetJourneyAsync("cart", CancellationToken.None))!;
        Assert.Equal(JourneyStatus.Closed, journey.Status);
        Assert.Null(journey.LiveVersion);
        Assert.Equal([(1, JourneyVersionStatus.Closed), (2, JourneyVersionStatus.Closed)], journey.Versions.Select(v => (v.Version, v.Status)));
        Assert.Equal(at, journey.Versions.Single(v => v.Version == 2).EndedAt);
    }

    [Fact]
    public async Task Stopping_a_live_journey_stops_its_live_and_closed_versions()
    {
        var store = await LiveWithTwoVersionsAsync();
        var at = Start.AddDays(1);

        var changed = await store.ChangeJourneyStatusAsync("cart", JourneyStatus.Live, JourneyStatus.Stopped, at, CancellationToken.None);

        Assert.Equal([1, 2], changed.Value!.EndedVersions);
        var journey = (await store.GetJourneyAsync("cart", CancellationToken.None))!;
        Assert.Equal(JourneyStatus.Stopped, journey.Status);
        Assert.Null(journey.LiveVersion);
        Assert.Equal([(1, JourneyVersionStatus.Stopped), (2, JourneyVersionStatus.Stopped)], journey.Versions.Select(v => (v.Version, v.Status)));
        Assert.Equal(Start, journey.Versions.Single(v => v.Version == 1).EndedAt);
        Assert.Equal(at, journey.Versions.Single(v => v.Version == 2).EndedAt);
    }

    [Fact]
    public async Task Stopping_a_closed_journey_stops_its_closed_versions()
    {
        var store = await LiveWithTwoVersionsAsync();
        await store.ChangeJourneyStatusAsync("cart", JourneyStatus.Live, JourneyStatus.Closed, Start, CancellationToken.None);

        var changed = await store.ChangeJourneyStatusAsync("cart", JourneyStatus.Closed, JourneyStatus.Stopped, Start.AddDays(1), CancellationToken.None);

        Assert.Equal([1, 2], changed.Value!.EndedVersions);
        Assert.All((await store.GetJourneyAsync("cart", CancellationToken.None))!.Versions, v => Assert.Equal(JourneyVersionStatus.Stopped, v.Status));
    }

    [Fact]
    public async Task A_status_change_from_a_status_the_journey_no_longer_has_is_refused()
    {
        var store = await OpenStoreAsync();
        var draft = (await store.PutJourneyDraftAsync("cart", "{}", WriteCondition.None, Start, CancellationToken.None)).Value!;
        await store.PublishDraftAsync("cart", draft.DraftETag, Start, CancellationToken.None);
        await store.ChangeJourneyStatusAsync("cart", JourneyStatus.Live, JourneyStatus.Closed, Start, CancellationToken.None);

        var stale = await store.ChangeJourneyStatusAsync("cart", JourneyStatus.Live, JourneyStatus.Stopped, Start, CancellationToken.None);
        var missing = await store.ChangeJourneyStatusAsync("nope", JourneyStatus.Live, JourneyStatus.Stopped, Start, CancellationToken.None);

        Assert.Equal(StoreWriteStatus.PreconditionFailed, stale.Status);
        Assert.Equal(StoreWriteStatus.NotFound, missing.Status);
        Assert.Equal(JourneyStatus.Closed, (await store.GetJourneyAsync("cart", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task A_transition_the_lifecycle_does_not_have_is_a_programming_error()
    {
        var store = await OpenStoreAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => store.ChangeJourneyStatusAsync("cart", JourneyStatus.Draft, JourneyStatus.Closed, Start, CancellationToken.None));
    }

    // ---- Concurrent writers ---------------------------------------------------------------------------------

    [Fact]
    public async Task Concurrent_publishes_get_distinct_gap_free_version_numbers()
    {
        const int publishesEach = 5;
        await catalog.Journeys.PutDraftAsync("cart", Samples.Cart(), WriteCondition.None);
        var catalogs = await WritersAsync();

        using var go = new ManualResetEventSlim();
        var tasks = catalogs.Select(writer => Task.Run(async () =>
        {
            go.Wait();
            var numbers = new List<int>();
            for (var i = 0; i < publishesEach; i++)
            {
                var published = await writer.Journeys.PublishAsync("cart", WriteCondition.None);
                Assert.True(published.Succeeded, published.Failure?.Message);
                numbers.Add(published.Value.LiveVersion!.Value);
            }

            return numbers;
        })).ToList();
        go.Set();
        var results = await Task.WhenAll(tasks);

        var total = Writers * publishesEach;
        Assert.Equal(Enumerable.Range(1, total), results.SelectMany(n => n).Order());
        var journey = (await catalog.Journeys.GetAsync("cart")).Value!;
        Assert.Equal(total, journey.LiveVersion);
        Assert.Equal(Enumerable.Range(1, total), journey.Versions.Select(v => v.Version));
        Assert.Equal([total], journey.Versions.Where(v => v.Status == JourneyVersionStatus.Live).Select(v => v.Version));
        Assert.Equal(total - 1, journey.Versions.Count(v => v.Status == JourneyVersionStatus.Closed));
    }

    [Fact]
    public async Task Concurrent_publishes_of_one_draft_on_one_handle_give_versions_1_to_N_without_gaps()
    {
        var store = await OpenStoreAsync();
        var draft = (await store.PutJourneyDraftAsync("cart", "{\"name\":\"x\"}", WriteCondition.MustNotExist, Start, CancellationToken.None)).Value!;

        var publishes = await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ =>
            Task.Run(() => store.PublishDraftAsync("cart", draft.DraftETag, Start, CancellationToken.None))));

        Assert.All(publishes, p => Assert.True(p.Succeeded, p.Status.ToString()));
        Assert.Equal(Enumerable.Range(1, Writers), publishes.Select(p => p.Value!.LiveVersion!.Value).Order());
        var journey = (await store.GetJourneyAsync("cart", CancellationToken.None))!;
        Assert.Equal(Writers, journey.LiveVersion);
        Assert.Equal(Enumerable.Range(1, Writers), journey.Versions.Select(v => v.Version));
        Assert.Equal([Writers], journey.Versions.Where(v => v.Status == JourneyVersionStatus.Live).Select(v => v.Version));
    }

    [Fact]
    public async Task Concurrent_puts_with_the_same_if_match_have_exactly_one_winner()
    {
        var etag = (await catalog.Events.PutAsync("cart.abandoned", Samples.CartAbandoned("original"), WriteCondition.None)).Value!.Value.ETag;
        var catalogs = await WritersAsync();

        using var go = new ManualResetEventSlim();
        var tasks = catalogs.Select((writer, i) => Task.Run(async () =>
        {
            go.Wait();
            return await writer.Events.PutAsync("cart.abandoned", Samples.CartAbandoned($"writer {i}"), WriteCondition.IfMatch(etag));
        })).ToList();
        go.Set();
        var results = await Task.WhenAll(tasks);

        var winner = Assert.Single(results, r => r.Succeeded);
        Assert.Equal(Writers - 1, results.Count(r => r.Failure?.Code == CatalogErrorCodes.PreconditionFailed));
        var stored = (await catalog.Events.GetAsync("cart.abandoned")).Value!;
        Assert.Equal(winner.Value!.Value.ETag, stored.ETag);
        Assert.Equal(winner.Value.Value.Body.Description, stored.Body.Description);
    }

    [Fact]
    public async Task Concurrent_draft_puts_with_the_same_if_match_have_exactly_one_winner()
    {
        var etag = (await catalog.Journeys.PutDraftAsync("cart", Samples.Cart("original"), WriteCondition.None)).Value!.Value.DraftETag;
        var catalogs = await WritersAsync();

        using var go = new ManualResetEventSlim();
        var tasks = catalogs.Select((writer, i) => Task.Run(async () =>
        {
            go.Wait();
            return await writer.Journeys.PutDraftAsync("cart", Samples.Cart($"writer {i}"), WriteCondition.IfMatch(etag));
        })).ToList();
        go.Set();
        var results = await Task.WhenAll(tasks);

        var winner = Assert.Single(results, r => r.Succeeded);
        Assert.Equal(Writers - 1, results.Count(r => r.Failure?.Code == CatalogErrorCodes.PreconditionFailed));
        Assert.Equal(winner.Value!.Value.Draft.Name, (await catalog.Journeys.GetAsync("cart")).Value!.Draft.Name);
    }

    [Fact]
    public async Task Concurrent_close_and_stop_leave_one_consistent_outcome()
    {
        await catalog.Journeys.PutDraftAsync("cart", Samples.Cart(), WriteCondition.None);
        await catalog.Journeys.PublishAsync("cart", WriteCondition.None);
        var closer = await NewCatalogAsync();
        var stopper = await NewCatalogAsync();

        using var go = new ManualResetEventSlim();
        var close = Task.Run(async () => { go.Wait(); return await closer.Journeys.CloseAsync("cart"); });
        var stop = Task.Run(async () => { go.Wait(); return await stopper.Journeys.StopAsync("cart"); });
        go.Set();
        await Task.WhenAll(close, stop);

        // Whichever ran first, stop wins in the end: close then stop, or stop then a harmless-or-refused close.
        Assert.True((await stop).Succeeded);
        var journey = (await catalog.Journeys.GetAsync("cart")).Value!;
        Assert.Equal(JourneyStatus.Stopped, journey.Status);
        Assert.Equal(JourneyVersionStatus.Stopped, Assert.Single(journey.Versions).Status);
    }

    /// <summary>Journey <c>cart</c> published twice at <see cref="Start"/>: version 1 closed, version 2 live.</summary>
    private async Task<ICatalogStore> LiveWithTwoVersionsAsync()
    {
        var store = await OpenStoreAsync();
        var draft = (await store.PutJourneyDraftAsync("cart", "{}", WriteCondition.None, Start, CancellationToken.None)).Value!;
        await store.PublishDraftAsync("cart", draft.DraftETag, Start, CancellationToken.None);
        await store.PublishDraftAsync("cart", draft.DraftETag, Start, CancellationToken.None);
        return store;
    }

    private async Task<CatalogUnderTest> NewCatalogAsync() => new(await OpenStoreAsync(), new FakeValidator(), new ManualClock(Start));

    private async Task<List<CatalogUnderTest>> WritersAsync()
    {
        var catalogs = new List<CatalogUnderTest>();
        for (var i = 0; i < Writers; i++)
        {
            catalogs.Add(await NewCatalogAsync());
        }

        return catalogs;
    }
}
