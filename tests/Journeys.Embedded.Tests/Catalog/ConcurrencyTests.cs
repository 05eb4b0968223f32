using Journeys.Catalog;

namespace Journeys.Storage.Sqlite.Tests.Catalog;

/// <summary>Many writers on one file, each through its own <see cref="SqliteDatabase"/> and connections.</summary>
public sealed class ConcurrencyTests
{
    private const int Writers = 8;

    static ConcurrencyTests()
    {
        // The pool starts with one thread per core (2 here) and grows slowly; the writers must really overlap.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, Writers * 2), io);
    }

    [Fact]
    public async Task Concurrent_publishes_get_distinct_gap_free_version_numbers()
    {
        const int publishesEach = 5;
        using var h = await CatalogHarness.CreateAsync();
        await h.Service.PutJourneyDraftAsync("cart", Samples.Cart());
        var services = new List<CatalogService>();
        for (var i = 0; i < Writers; i++)
        {
            services.Add(await h.OpenAnotherAsync());
        }

        using var go = new ManualResetEventSlim();
        var tasks = services.Select(service => Task.Run(async () =>
        {
            go.Wait();
            var numbers = new List<int>();
            for (var i = 0; i < publishesEach; i++)
            {
                var published = await service.PublishJourneyAsync("cart");
                Assert.True(published.Succeeded, published.Failure?.Message);
                numbers.Add(published.Value.LiveVersion!.Value);
            }

            return numbers;
        })).ToList();
        go.Set();
        var results = await Task.WhenAll(tasks);

        var all = results.SelectMany(n => n).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 40), all);
        var journey = (await h.Service.GetJourneyAsync("cart")).Value!;
        Assert.Equal(40, journey.LiveVersion);
        Assert.Equal(Enumerable.Range(1, 40), journey.Versions.Select(v => v.Version));
        Assert.Equal([40], journey.Versions.Where(v => v.Status == JourneyVersionStatus.Live).Select(v => v.Version));
        Assert.Equal(39, journey.Versions.Count(v => v.Status == JourneyVersionStatus.Closed));
    }

    [Fact]
    public async Task Concurrent_puts_with_the_same_if_match_have_exactly_one_winner()
    {
        using var h = await CatalogHarness.CreateAsync();
        var etag = (await h.Service.PutEventDefinitionAsync("cart.abandoned", Samples.CartAbandoned("original"))).Value!.Value.ETag;
        var services = new List<CatalogService>();
        for (var i = 0; i < Writers; i++)
        {
            services.Add(await h.OpenAnotherAsync());
        }

        using var go = new ManualResetEventSlim();
        var tasks = services.Select((service, i) => Task.Run(async () =>
        {
            go.Wait();
            return await service.PutEventDefinitionAsync("cart.abandoned", Samples.CartAbandoned($"writer {i}"), etag);
        })).ToList();
        go.Set();
        var results = await Task.WhenAll(tasks);

        var winner = Assert.Single(results, r => r.Succeeded);
        Assert.Equal(7, results.Count(r => r.Failure?.Code == "PRECONDITION_FAILED"));
        var stored = (await h.Service.GetEventDefinitionAsync("cart.abandoned")).Value!;
        Assert.Equal(winner.Value!.Value.ETag, stored.ETag);
        Assert.Equal(winner.Value.Value.Body.Description, stored.Body.Description);
        Assert.StartsWith("writer ", stored.Body.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_draft_puts_with_the_same_if_match_have_exactly_one_winner()
    {
        using var h = await CatalogHarness.CreateAsync();
        var etag = (await h.Service.PutJourneyDraftAsync("cart", Samples.Cart("original"))).Value!.Value.DraftETag;
        var services = new List<CatalogService>();
        for (var i = 0; i < Writers; i++)
        {
            services.Add(await h.OpenAnotherAsync());
        }

        using var go = new ManualResetEventSlim();
        var tasks = services.Select((service, i) => Task.Run(async () =>
        {
            go.Wait();
            return await service.PutJourneyDraftAsync("cart", Samples.Cart($"writer {i}"), etag);
        })).ToList();
        go.Set();
        var results = await Task.WhenAll(tasks);

        var winner = Assert.Single(results, r => r.Succeeded);
        Assert.Equal(7, results.Count(r => r.Failure?.Code == "PRECONDITION_FAILED"));
        Assert.Equal(winner.Value!.Value.Draft.Name, (await h.Service.GetJourneyAsync("cart")).Value!.Draft.Name);
    }

    [Fact]
    public async Task Concurrent_close_and_stop_leave_one_consistent_outcome()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.Service.PutJourneyDraftAsync("cart", Samples.Cart());
        await h.Service.PublishJourneyAsync("cart");
        var closer = await h.OpenAnotherAsync();
        var stopper = await h.OpenAnotherAsync();

        using var go = new ManualResetEventSlim();
        var close = Task.Run(async () => { go.Wait(); return await closer.CloseJourneyAsync("cart"); });
        var stop = Task.Run(async () => { go.Wait(); return await stopper.StopJourneyAsync("cart"); });
        go.Set();
        await Task.WhenAll(close, stop);
        var stopped = await stop;

        // Whichever ran first, stop wins in the end: close then stop, or stop then a harmless-or-refused close.
        Assert.True(stopped.Succeeded);
        var journey = (await h.Service.GetJourneyAsync("cart")).Value!;
        Assert.Equal(JourneyStatus.Stopped, journey.Status);
        Assert.Equal(JourneyVersionStatus.Stopped, Assert.Single(journey.Versions).Status);
    }
}
