using Journeys.Core.Validation;
using Journeys.Embedded.Storage;
using Journeys.Runtime.Catalog;
using Journeys.TestSupport.Catalog;
using Journeys.TestSupport.Storage;

namespace Journeys.Runtime.Tests.Catalog;

public sealed class JourneyLifecycleTests
{
    [Fact]
    public async Task A_new_journey_is_a_draft_without_versions()
    {
        using var h = await CatalogHarness.CreateAsync();

        var put = await h.Catalog.Journeys.PutDraftAsync("cart", Samples.Cart());

        Assert.True(put.Succeeded);
        Assert.True(put.Value.Created);
        var journey = (await h.Catalog.Journeys.GetAsync("cart")).Value!;
        Assert.Equal(JourneyStatus.Draft, journey.Status);
        Assert.Null(journey.LiveVersion);
        Assert.Empty(journey.Versions);
        Assert.Equal("Abandoned cart", journey.Draft.Name);
        Assert.Equal(put.Value.Value.DraftETag, journey.DraftETag);
        Assert.Null(await h.Catalog.Journeys.GetLiveVersionAsync("cart"));
    }

    [Fact]
    public async Task Draft_puts_honour_if_match()
    {
        using var h = await CatalogHarness.CreateAsync();
        var first = (await h.Catalog.Journeys.PutDraftAsync("cart", Samples.Cart("one"))).Value!.Value;
        Assert.True((await h.Catalog.Journeys.PutDraftAsync("cart", Samples.Cart("two"), WriteCondition.IfMatch(first.DraftETag))).Succeeded);

        var stale = await h.Catalog.Journeys.PutDraftAsync("cart", Samples.Cart("three"), WriteCondition.IfMatch(first.DraftETag));

        Assert.Equal("PRECONDITION_FAILED", stale.Failure?.Code);
        Assert.Equal("two", (await h.Catalog.Journeys.GetAsync("cart")).Value!.Draft.Name);
        Assert.Equal("PRECONDITION_FAILED", (await h.Catalog.Journeys.PutDraftAsync("other", Samples.Cart(), WriteCondition.MustExist)).Failure?.Code);
    }

    [Fact]
    public async Task Publishing_freezes_the_draft_as_version_1_and_makes_it_live()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.Catalog.Journeys.PutDraftAsync("cart", Samples.Cart("first cut"));
        h.Clock.Now = CatalogHarness.Start.AddHours(1);

        var published = await h.Catalog.Journeys.PublishAsync("cart");

        Assert.True(published.Succeeded);
        Assert.Equal(1, published.Value.LiveVersion);
        Assert.Equal(JourneyStatus.Live, published.Value.Status);
        Assert.Empty(published.Value.EndedVersions);
        var journey = (await h.Catalog.Journeys.GetAsync("cart")).Value!;
        Assert.Equal(JourneyStatus.Live, journey.Status);
        Assert.Equal(1, journey.LiveVersion);
        var version = Assert.Single(journey.Versions);
        Assert.Equal(new JourneyVersionSummary(1, JourneyVersionStatus.Live, CatalogHarness.Start.AddHours(1), null), version);
        var live = await h.Catalog.Journeys.GetLiveVersionAsync("cart");
        Assert.NotNull(live);
        Assert.Equal(1, live.Version);
        Assert.Equal("first cut", live.Definition.Name);
    }

    [Fact]
    public async Task Editing_the_draft_never_changes_the_live_version()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.Catalog.Journeys.PutDraftAsync("cart", Samples.Cart("published"));
        await h.Catalog.Journeys.PublishAsync("cart");

        await h.Catalog.Journeys.PutDraftAsync("cart", Samples.Cart("work in progress"));

        var journey = (await h.Catalog.Journeys.GetAsync("cart")).Value!;
        Assert.Equal("work in progress", journey.Draft.Name);
        Assert.Equal(JourneyStatus.Live, journey.Status);
        Assert.Equal(1, journey.LiveVersion);
        Assert.Equal("published", (await h.Catalog.Journeys.GetLiveVersionAsync("cart"))!.Definition.Name);
        Assert.Equal("published", (await h.Catalog.Journeys.GetVersionAsync("cart", 1)).Value!.Definition.Name);
        // A service that never cached version 1 reads the same from the file.
        var fresh = await h.OpenAnotherAsync();
        Assert.Equal("published", (await fresh.Journeys.GetVersionAsync("cart", 1)).Value!.Definition.Name);
    }

    [Fact]
    public async Task Publishing_again_makes_version_2_live_and_closes_version_1()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.Catalog.Journeys.PutDraftAsync("cart", Samples.Cart("one"));
        await h.Catalog.Journeys.PublishAsync("cart");
        await h.Catalog.Journeys.PutDraftAsync("cart", Samples.Cart("two"));
        h.Clock.Now = CatalogHarness.Start.AddDays(1);

        var published = await h.Catalog.Journeys.PublishAsync("cart");

        Assert.Equal(JourneyStatus.Live, published.Value?.Status);
        Assert.Equal(2, published.Value!.LiveVersion);
        Assert.Equal([1], published.Value.EndedVersions);
        var journey = (await h.Catalog.Journeys.GetAsync("cart")).Value!;
        Assert.Equal(2, journey.LiveVersion);
        Assert.Equal(
            [
                new JourneyVersionSummary(1, JourneyVersionStatus.Closed, CatalogHarness.Start, CatalogHarness.Start.AddDays(1)),
                new JourneyVersionSummary(2, JourneyVersionStatus.Live, CatalogHarness.Start.AddDays(1), null),
            ],
            journey.Versions);
        Assert.Equal("two", (await h.Catalog.Journeys.GetLiveVersionAsync("cart"))!.Definition.Name);
        Assert.Equal("one", (await h.Catalog.Journeys.GetVersionAsync("cart", 1)).Value!.Definition.Name);
    }

    [Fact]
    public async Task Publishing_an_invalid_draft_is_refused_409_with_the_errors_and_writes_nothing()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.Catalog.Journeys.PutDraftAsync("cart", Samples.Cart("good"));
        await h.Catalog.Journeys.PublishAsync("cart");
        await h.Catalog.Journeys.PutDraftAsync("cart", Samples.Cart("bad"));
        h.Validator.JourneyRule = (_, journey, _) => journey.Name == "bad" ? FakeValidator.Errors("NODE_UNREACHABLE", "ACTION_UNKNOWN") : FakeValidator.Valid;

        var refused = await h.Catalog.Journeys.PublishAsync("cart");

        Assert.Equal("INVALID", refused.Failure?.Code);
        Assert.Equal(["NODE_UNREACHABLE", "ACTION_UNKNOWN"], refused.Failure!.Issues.Select(i => i.Code));
        var journey = (await h.Catalog.Journeys.GetAsync("cart")).Value!;
        Assert.Equal(1, journey.LiveVersion);
        Assert.Equal([1], journey.Versions.Select(v => v.Version));
        Assert.Equal(JourneyVersionStatus.Live, journey.Versions[0].Status);
        Assert.Single(h.Observer.Changes);
    }

    [Fact]
    public async Task Warnings_do_not_prevent_publishing()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.Catalog.Journeys.PutDraftAsync("cart", Samples.Cart());
        h.Validator.JourneyRule = (_, _, _) => new ValidationResult(
            [new ValidationIssue("ACTION_NO_ERROR_NEXT", "mail", "$.nodes.mail", "no errorNext", ValidationSeverity.Warning)]);

        Assert.Equal(1, (await h.Catalog.Journeys.PublishAsync("cart")).Value?.LiveVersion);
    }

    [Fact]
    public async Task Validate_checks_the_draft_against_the_current_catalog()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.Catalog.Journeys.PutDraftAsync("cart", Samples.Cart());
        await h.Catalog.Journeys.PutDraftAsync("other", Samples.ThankYou());
        await h.Catalog.Events.PutAsync("cart.abandoned", Samples.CartAbandoned("from the catalog"));
        await h.Catalog.DataSources.PutAsync("loyalty", Samples.Loyalty());
        await h.Catalog.Actions.PutAsync("send-email", Samples.SendEmail());
        IConfigurationLookup? seen = null;
        h.Validator.JourneyRule = (id, _, lookup) =>
        {
            seen = lookup;
            return id == "cart" ? FakeValidator.Errors("EVENT_UNKNOWN") : FakeValidator.Valid;
        };

        var result = await h.Catalog.Journeys.ValidateAsync("cart");

        Assert.True(result.Succeeded);
        Assert.False(result.Value.IsValid);
        Assert.Equal(["EVENT_UNKNOWN"], result.Value.Errors.Select(e => e.Code));
        Assert.NotNull(seen);
        Assert.Equal("from the catalog", seen.FindEvent("cart.abandoned")?.Description);
        Assert.Null(seen.FindEvent("order.placed"));
        Assert.NotNull(seen.FindDataSource("loyalty"));
        Assert.NotNull(seen.FindAction("send-email"));
        Assert.True(seen.JourneyExists("other"));
        Assert.False(seen.JourneyExists("nowhere"));
        Assert.Equal(JourneyStatus.Draft, (await h.Catalog.Journeys.GetAsync("cart")).Value!.Status);
    }

    [Fact]
    public async Task Unknown_journeys_and_versions_are_NOT_FOUND()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.Catalog.Journeys.PutDraftAsync("cart", Samples.Cart());
        await h.Catalog.Journeys.PublishAsync("cart");

        Assert.Equal("NOT_FOUND", (await h.Catalog.Journeys.GetAsync("nope")).Failure?.Code);
        Assert.Equal("NOT_FOUND", (await h.Catalog.Journeys.ValidateAsync("nope")).Failure?.Code);
        Assert.Equal("NOT_FOUND", (await h.Catalog.Journeys.PublishAsync("nope")).Failure?.Code);
        Assert.Equal("NOT_FOUND", (await h.Catalog.Journeys.CloseAsync("nope")).Failure?.Code);
        Assert.Equal("NOT_FOUND", (await h.Catalog.Journeys.StopAsync("nope")).Failure?.Code);
        Assert.Equal("NOT_FOUND", (await h.Catalog.Journeys.GetVersionAsync("cart", 2)).Failure?.Code);
        Assert.Null(await h.Catalog.Journeys.GetLiveVersionAsync("nope"));
    }

    [Fact]
    public async Task Publish_with_if_match_publishes_only_that_draft()
    {
        using var h = await CatalogHarness.CreateAsync();
        var seen = (await h.Catalog.Journeys.PutDraftAsync("cart", Samples.Cart("seen"))).Value!.Value;
        await h.Catalog.Journeys.PutDraftAsync("cart", Samples.Cart("changed since"));

        var refused = await h.Catalog.Journeys.PublishAsync("cart", WriteCondition.IfMatch(seen.DraftETag));

        Assert.Equal("PRECONDITION_FAILED", refused.Failure?.Code);
        Assert.Empty((await h.Catalog.Journeys.GetAsync("cart")).Value!.Versions);
        var current = (await h.Catalog.Journeys.GetAsync("cart")).Value!;
        Assert.Equal(1, (await h.Catalog.Journeys.PublishAsync("cart", WriteCondition.IfMatch(current.DraftETag))).Value?.LiveVersion);
    }

    [Fact]
    public async Task Close_ends_new_entries_and_keeps_the_version_closed()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.Catalog.Journeys.PutDraftAsync("cart", Samples.Cart());
        await h.Catalog.Journeys.PublishAsync("cart");
        h.Clock.Now = CatalogHarness.Start.AddHours(2);

        var closed = await h.Catalog.Journeys.CloseAsync("cart");

        Assert.True(closed.Succeeded);
        Assert.Equal(JourneyStatus.Closed, closed.Value.Status);
        Assert.Null(closed.Value.LiveVersion);
        Assert.Equal([1], closed.Value.EndedVersions);
        var journey = (await h.Catalog.Journeys.GetAsync("cart")).Value!;
        Assert.Equal(JourneyStatus.Closed, journey.Status);
        Assert.Null(journey.LiveVersion);
        Assert.Equal([new JourneyVersionSummary(1, JourneyVersionStatus.Closed, CatalogHarness.Start, CatalogHarness.Start.AddHours(2))], journey.Versions);
        Assert.Null(await h.Catalog.Journeys.GetLiveVersionAsync("cart"));
        Assert.Empty(await h.Catalog.Journeys.ListLiveVersionsAsync());
        Assert.True((await h.Catalog.Journeys.GetVersionAsync("cart", 1)).Succeeded);
    }

    [Fact]
    public async Task Closing_twice_is_harmless_and_closing_a_draft_is_a_conflict()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.Catalog.Journeys.PutDraftAsync("draft-only", Samples.Cart());
        await h.Catalog.Journeys.PutDraftAsync("cart", Samples.Cart());
        await h.Catalog.Journeys.PublishAsync("cart");
        await h.Catalog.Journeys.CloseAsync("cart");

        var again = await h.Catalog.Journeys.CloseAsync("cart");
        var draft = await h.Catalog.Journeys.CloseAsync("draft-only");

        Assert.True(again.Succeeded);
        Assert.Empty(again.Value.EndedVersions);
        Assert.Equal("CONFLICT", draft.Failure?.Code);
        Assert.Equal(JourneyStatus.Draft, (await h.Catalog.Journeys.GetAsync("draft-only")).Value!.Status);
    }

    [Fact]
    public async Task Stop_stops_the_live_and_closed_versions_and_tells_the_observer()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.Catalog.Journeys.PutDraftAsync("cart", Samples.Cart());
        await h.Catalog.Journeys.PublishAsync("cart");
        await h.Catalog.Journeys.PublishAsync("cart");
        h.Clock.Now = CatalogHarness.Start.AddHours(3);

        var stopped = await h.Catalog.Journeys.StopAsync("cart");

        Assert.Equal(JourneyStatus.Stopped, stopped.Value?.Status);
        Assert.Equal([1, 2], stopped.Value!.EndedVersions);
        var journey = (await h.Catalog.Journeys.GetAsync("cart")).Value!;
        Assert.Equal(JourneyStatus.Stopped, journey.Status);
        Assert.Null(journey.LiveVersion);
        Assert.Equal(
            [
                // Version 1 keeps the time it closed; version 2 ends at the stop.
                new JourneyVersionSummary(1, JourneyVersionStatus.Stopped, CatalogHarness.Start, CatalogHarness.Start),
                new JourneyVersionSummary(2, JourneyVersionStatus.Stopped, CatalogHarness.Start, CatalogHarness.Start.AddHours(3)),
            ],
            journey.Versions);
        Assert.Equal(
            [(JourneyStatus.Live, (int?)1), (JourneyStatus.Live, 2), (JourneyStatus.Stopped, null)],
            h.Observer.Changes.Select(c => (c.Status, c.LiveVersion)));
        Assert.Equal([1, 2], h.Observer.Changes.Last().EndedVersions);
    }

    [Fact]
    public async Task A_closed_journey_can_be_stopped_and_a_stopped_one_stopped_again()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.Catalog.Journeys.PutDraftAsync("cart", Samples.Cart());
        await h.Catalog.Journeys.PublishAsync("cart");
        await h.Catalog.Journeys.CloseAsync("cart");

        var stopped = await h.Catalog.Journeys.StopAsync("cart");
        var again = await h.Catalog.Journeys.StopAsync("cart");

        Assert.Equal([1], stopped.Value?.EndedVersions);
        Assert.True(again.Succeeded);
        Assert.Empty(again.Value.EndedVersions);
        Assert.Equal("CONFLICT", (await h.Catalog.Journeys.CloseAsync("cart")).Failure?.Code);
    }

    [Fact]
    public async Task Stopping_a_draft_is_a_conflict()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.Catalog.Journeys.PutDraftAsync("cart", Samples.Cart());

        Assert.Equal("CONFLICT", (await h.Catalog.Journeys.StopAsync("cart")).Failure?.Code);
    }

    [Fact]
    public async Task Publishing_a_stopped_journey_makes_a_new_live_version_and_leaves_the_old_ones_stopped()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.Catalog.Journeys.PutDraftAsync("cart", Samples.Cart());
        await h.Catalog.Journeys.PublishAsync("cart");
        await h.Catalog.Journeys.StopAsync("cart");

        var republished = await h.Catalog.Journeys.PublishAsync("cart");

        Assert.Equal(2, republished.Value?.LiveVersion);
        Assert.Empty(republished.Value!.EndedVersions);
        var journey = (await h.Catalog.Journeys.GetAsync("cart")).Value!;
        Assert.Equal(JourneyStatus.Live, journey.Status);
        Assert.Equal([(1, JourneyVersionStatus.Stopped), (2, JourneyVersionStatus.Live)], journey.Versions.Select(v => (v.Version, v.Status)));
    }

    [Fact]
    public async Task Publishing_a_closed_journey_makes_it_live_again()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.Catalog.Journeys.PutDraftAsync("cart", Samples.Cart());
        await h.Catalog.Journeys.PublishAsync("cart");
        await h.Catalog.Journeys.CloseAsync("cart");

        var republished = await h.Catalog.Journeys.PublishAsync("cart");

        Assert.Equal(2, republished.Value?.LiveVersion);
        Assert.Equal([(1, JourneyVersionStatus.Closed), (2, JourneyVersionStatus.Live)],
            (await h.Catalog.Journeys.GetAsync("cart")).Value!.Versions.Select(v => (v.Version, v.Status)));
    }

    [Fact]
    public async Task List_shows_every_journey_with_its_status_and_live_versions_lists_only_live_ones()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.Catalog.Journeys.PutDraftAsync("b-live", Samples.Cart());
        await h.Catalog.Journeys.PutDraftAsync("a-draft", Samples.Cart());
        await h.Catalog.Journeys.PutDraftAsync("c-closed", Samples.ThankYou());
        await h.Catalog.Journeys.PutDraftAsync("d-live", Samples.ThankYou());
        await h.Catalog.Journeys.PublishAsync("b-live");
        await h.Catalog.Journeys.PublishAsync("c-closed");
        await h.Catalog.Journeys.CloseAsync("c-closed");
        await h.Catalog.Journeys.PublishAsync("d-live");
        await h.Catalog.Journeys.PublishAsync("d-live");

        var all = await h.Catalog.Journeys.ListAsync();
        var live = await h.Catalog.Journeys.ListLiveVersionsAsync();

        Assert.Equal(
            [("a-draft", JourneyStatus.Draft), ("b-live", JourneyStatus.Live), ("c-closed", JourneyStatus.Closed), ("d-live", JourneyStatus.Live)],
            all.Select(j => (j.Id, j.Status)));
        Assert.Equal([("b-live", 1), ("d-live", 2)], live.Select(v => (v.JourneyId, v.Version)));
    }
}
