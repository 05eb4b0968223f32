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

        var put = await h.Service.PutJourneyDraftAsync("cart", Samples.Cart());

        Assert.True(put.Succeeded);
        Assert.True(put.Value.Created);
        var journey = (await h.Service.GetJourneyAsync("cart")).Value!;
        Assert.Equal(JourneyStatus.Draft, journey.Status);
        Assert.Null(journey.LiveVersion);
        Assert.Empty(journey.Versions);
        Assert.Equal("Abandoned cart", journey.Draft.Name);
        Assert.Equal(put.Value.Value.DraftETag, journey.DraftETag);
        Assert.Null(await h.Service.GetLiveVersionAsync("cart"));
    }

    [Fact]
    public async Task Draft_puts_honour_if_match()
    {
        using var h = await CatalogHarness.CreateAsync();
        var first = (await h.Service.PutJourneyDraftAsync("cart", Samples.Cart("one"))).Value!.Value;
        Assert.True((await h.Service.PutJourneyDraftAsync("cart", Samples.Cart("two"), WriteCondition.IfMatch(first.DraftETag))).Succeeded);

        var stale = await h.Service.PutJourneyDraftAsync("cart", Samples.Cart("three"), WriteCondition.IfMatch(first.DraftETag));

        Assert.Equal("PRECONDITION_FAILED", stale.Failure?.Code);
        Assert.Equal("two", (await h.Service.GetJourneyAsync("cart")).Value!.Draft.Name);
        Assert.Equal("PRECONDITION_FAILED", (await h.Service.PutJourneyDraftAsync("other", Samples.Cart(), WriteCondition.MustExist)).Failure?.Code);
    }

    [Fact]
    public async Task Publishing_freezes_the_draft_as_version_1_and_makes_it_live()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.Service.PutJourneyDraftAsync("cart", Samples.Cart("first cut"));
        h.Clock.Now = CatalogHarness.Start.AddHours(1);

        var published = await h.Service.PublishJourneyAsync("cart");

        Assert.True(published.Succeeded);
        Assert.Equal(1, published.Value.LiveVersion);
        Assert.Equal(JourneyStatus.Live, published.Value.Status);
        Assert.Empty(published.Value.EndedVersions);
        var journey = (await h.Service.GetJourneyAsync("cart")).Value!;
        Assert.Equal(JourneyStatus.Live, journey.Status);
        Assert.Equal(1, journey.LiveVersion);
        var version = Assert.Single(journey.Versions);
        Assert.Equal(new JourneyVersionSummary(1, JourneyVersionStatus.Live, CatalogHarness.Start.AddHours(1), null), version);
        var live = await h.Service.GetLiveVersionAsync("cart");
        Assert.NotNull(live);
        Assert.Equal(1, live.Version);
        Assert.Equal("first cut", live.Definition.Name);
    }

    [Fact]
    public async Task Editing_the_draft_never_changes_the_live_version()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.Service.PutJourneyDraftAsync("cart", Samples.Cart("published"));
        await h.Service.PublishJourneyAsync("cart");

        await h.Service.PutJourneyDraftAsync("cart", Samples.Cart("work in progress"));

        var journey = (await h.Service.GetJourneyAsync("cart")).Value!;
        Assert.Equal("work in progress", journey.Draft.Name);
        Assert.Equal(JourneyStatus.Live, journey.Status);
        Assert.Equal(1, journey.LiveVersion);
        Assert.Equal("published", (await h.Service.GetLiveVersionAsync("cart"))!.Definition.Name);
        Assert.Equal("published", (await h.Service.GetJourneyVersionAsync("cart", 1)).Value!.Definition.Name);
        // A service that never cached version 1 reads the same from the file.
        var fresh = await h.OpenAnotherAsync();
        Assert.Equal("published", (await fresh.GetJourneyVersionAsync("cart", 1)).Value!.Definition.Name);
    }

    [Fact]
    public async Task Publishing_again_makes_version_2_live_and_closes_version_1()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.Service.PutJourneyDraftAsync("cart", Samples.Cart("one"));
        await h.Service.PublishJourneyAsync("cart");
        await h.Service.PutJourneyDraftAsync("cart", Samples.Cart("two"));
        h.Clock.Now = CatalogHarness.Start.AddDays(1);

        var published = await h.Service.PublishJourneyAsync("cart");

        Assert.Equal(JourneyStatus.Live, published.Value?.Status);
        Assert.Equal(2, published.Value!.LiveVersion);
        Assert.Equal([1], published.Value.EndedVersions);
        var journey = (await h.Service.GetJourneyAsync("cart")).Value!;
        Assert.Equal(2, journey.LiveVersion);
        Assert.Equal(
            [
                new JourneyVersionSummary(1, JourneyVersionStatus.Closed, CatalogHarness.Start, CatalogHarness.Start.AddDays(1)),
                new JourneyVersionSummary(2, JourneyVersionStatus.Live, CatalogHarness.Start.AddDays(1), null),
            ],
            journey.Versions);
        Assert.Equal("two", (await h.Service.GetLiveVersionAsync("cart"))!.Definition.Name);
        Assert.Equal("one", (await h.Service.GetJourneyVersionAsync("cart", 1)).Value!.Definition.Name);
    }

    [Fact]
    public async Task Publishing_an_invalid_draft_is_refused_409_with_the_errors_and_writes_nothing()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.Service.PutJourneyDraftAsync("cart", Samples.Cart("good"));
        await h.Service.PublishJourneyAsync("cart");
        await h.Service.PutJourneyDraftAsync("cart", Samples.Cart("bad"));
        h.Validator.JourneyRule = (_, journey, _) => journey.Name == "bad" ? FakeValidator.Errors("NODE_UNREACHABLE", "ACTION_UNKNOWN") : FakeValidator.Valid;

        var refused = await h.Service.PublishJourneyAsync("cart");

        Assert.Equal("INVALID", refused.Failure?.Code);
        Assert.Equal(["NODE_UNREACHABLE", "ACTION_UNKNOWN"], refused.Failure!.Issues.Select(i => i.Code));
        var journey = (await h.Service.GetJourneyAsync("cart")).Value!;
        Assert.Equal(1, journey.LiveVersion);
        Assert.Equal([1], journey.Versions.Select(v => v.Version));
        Assert.Equal(JourneyVersionStatus.Live, journey.Versions[0].Status);
        Assert.Single(h.Observer.Changes);
    }

    [Fact]
    public async Task Warnings_do_not_prevent_publishing()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.Service.PutJourneyDraftAsync("cart", Samples.Cart());
        h.Validator.JourneyRule = (_, _, _) => new ValidationResult(
            [new ValidationIssue("ACTION_NO_ERROR_NEXT", "mail", "$.nodes.mail", "no errorNext", ValidationSeverity.Warning)]);

        Assert.Equal(1, (await h.Service.PublishJourneyAsync("cart")).Value?.LiveVersion);
    }

    [Fact]
    public async Task Validate_checks_the_draft_against_the_current_catalog()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.Service.PutJourneyDraftAsync("cart", Samples.Cart());
        await h.Service.PutJourneyDraftAsync("other", Samples.ThankYou());
        await h.Service.PutEventDefinitionAsync("cart.abandoned", Samples.CartAbandoned("from the catalog"));
        await h.Service.PutDataSourceAsync("loyalty", Samples.Loyalty());
        await h.Service.PutCustomActionAsync("send-email", Samples.SendEmail());
        IConfigurationLookup? seen = null;
        h.Validator.JourneyRule = (id, _, lookup) =>
        {
            seen = lookup;
            return id == "cart" ? FakeValidator.Errors("EVENT_UNKNOWN") : FakeValidator.Valid;
        };

        var result = await h.Service.ValidateJourneyAsync("cart");

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
        Assert.Equal(JourneyStatus.Draft, (await h.Service.GetJourneyAsync("cart")).Value!.Status);
    }

    [Fact]
    public async Task Unknown_journeys_and_versions_are_NOT_FOUND()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.Service.PutJourneyDraftAsync("cart", Samples.Cart());
        await h.Service.PublishJourneyAsync("cart");

        Assert.Equal("NOT_FOUND", (await h.Service.GetJourneyAsync("nope")).Failure?.Code);
        Assert.Equal("NOT_FOUND", (await h.Service.ValidateJourneyAsync("nope")).Failure?.Code);
        Assert.Equal("NOT_FOUND", (await h.Service.PublishJourneyAsync("nope")).Failure?.Code);
        Assert.Equal("NOT_FOUND", (await h.Service.CloseJourneyAsync("nope")).Failure?.Code);
        Assert.Equal("NOT_FOUND", (await h.Service.StopJourneyAsync("nope")).Failure?.Code);
        Assert.Equal("NOT_FOUND", (await h.Service.GetJourneyVersionAsync("cart", 2)).Failure?.Code);
        Assert.Null(await h.Service.GetLiveVersionAsync("nope"));
    }

    [Fact]
    public async Task Publish_with_if_match_publishes_only_that_draft()
    {
        using var h = await CatalogHarness.CreateAsync();
        var seen = (await h.Service.PutJourneyDraftAsync("cart", Samples.Cart("seen"))).Value!.Value;
        await h.Service.PutJourneyDraftAsync("cart", Samples.Cart("changed since"));

        var refused = await h.Service.PublishJourneyAsync("cart", WriteCondition.IfMatch(seen.DraftETag));

        Assert.Equal("PRECONDITION_FAILED", refused.Failure?.Code);
        Assert.Empty((await h.Service.GetJourneyAsync("cart")).Value!.Versions);
        var current = (await h.Service.GetJourneyAsync("cart")).Value!;
        Assert.Equal(1, (await h.Service.PublishJourneyAsync("cart", WriteCondition.IfMatch(current.DraftETag))).Value?.LiveVersion);
    }

    [Fact]
    public async Task Close_ends_new_entries_and_keeps_the_version_closed()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.Service.PutJourneyDraftAsync("cart", Samples.Cart());
        await h.Service.PublishJourneyAsync("cart");
        h.Clock.Now = CatalogHarness.Start.AddHours(2);

        var closed = await h.Service.CloseJourneyAsync("cart");

        Assert.True(closed.Succeeded);
        Assert.Equal(JourneyStatus.Closed, closed.Value.Status);
        Assert.Null(closed.Value.LiveVersion);
        Assert.Equal([1], closed.Value.EndedVersions);
        var journey = (await h.Service.GetJourneyAsync("cart")).Value!;
        Assert.Equal(JourneyStatus.Closed, journey.Status);
        Assert.Null(journey.LiveVersion);
        Assert.Equal([new JourneyVersionSummary(1, JourneyVersionStatus.Closed, CatalogHarness.Start, CatalogHarness.Start.AddHours(2))], journey.Versions);
        Assert.Null(await h.Service.GetLiveVersionAsync("cart"));
        Assert.Empty(await h.Service.ListLiveVersionsAsync());
        Assert.True((await h.Service.GetJourneyVersionAsync("cart", 1)).Succeeded);
    }

    [Fact]
    public async Task Closing_twice_is_harmless_and_closing_a_draft_is_a_conflict()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.Service.PutJourneyDraftAsync("draft-only", Samples.Cart());
        await h.Service.PutJourneyDraftAsync("cart", Samples.Cart());
        await h.Service.PublishJourneyAsync("cart");
        await h.Service.CloseJourneyAsync("cart");

        var again = await h.Service.CloseJourneyAsync("cart");
        var draft = await h.Service.CloseJourneyAsync("draft-only");

        Assert.True(again.Succeeded);
        Assert.Empty(again.Value.EndedVersions);
        Assert.Equal("CONFLICT", draft.Failure?.Code);
        Assert.Equal(JourneyStatus.Draft, (await h.Service.GetJourneyAsync("draft-only")).Value!.Status);
    }

    [Fact]
    public async Task Stop_stops_the_live_and_closed_versions_and_tells_the_observer()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.Service.PutJourneyDraftAsync("cart", Samples.Cart());
        await h.Service.PublishJourneyAsync("cart");
        await h.Service.PublishJourneyAsync("cart");
        h.Clock.Now = CatalogHarness.Start.AddHours(3);

        var stopped = await h.Service.StopJourneyAsync("cart");

        Assert.Equal(JourneyStatus.Stopped, stopped.Value?.Status);
        Assert.Equal([1, 2], stopped.Value!.EndedVersions);
        var journey = (await h.Service.GetJourneyAsync("cart")).Value!;
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
        await h.Service.PutJourneyDraftAsync("cart", Samples.Cart());
        await h.Service.PublishJourneyAsync("cart");
        await h.Service.CloseJourneyAsync("cart");

        var stopped = await h.Service.StopJourneyAsync("cart");
        var again = await h.Service.StopJourneyAsync("cart");

        Assert.Equal([1], stopped.Value?.EndedVersions);
        Assert.True(again.Succeeded);
        Assert.Empty(again.Value.EndedVersions);
        Assert.Equal("CONFLICT", (await h.Service.CloseJourneyAsync("cart")).Failure?.Code);
    }

    [Fact]
    public async Task Stopping_a_draft_is_a_conflict()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.Service.PutJourneyDraftAsync("cart", Samples.Cart());

        Assert.Equal("CONFLICT", (await h.Service.StopJourneyAsync("cart")).Failure?.Code);
    }

    [Fact]
    public async Task Publishing_a_stopped_journey_makes_a_new_live_version_and_leaves_the_old_ones_stopped()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.Service.PutJourneyDraftAsync("cart", Samples.Cart());
        await h.Service.PublishJourneyAsync("cart");
        await h.Service.StopJourneyAsync("cart");

        var republished = await h.Service.PublishJourneyAsync("cart");

        Assert.Equal(2, republished.Value?.LiveVersion);
        Assert.Empty(republished.Value!.EndedVersions);
        var journey = (await h.Service.GetJourneyAsync("cart")).Value!;
        Assert.Equal(JourneyStatus.Live, journey.Status);
        Assert.Equal([(1, JourneyVersionStatus.Stopped), (2, JourneyVersionStatus.Live)], journey.Versions.Select(v => (v.Version, v.Status)));
    }

    [Fact]
    public async Task Publishing_a_closed_journey_makes_it_live_again()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.Service.PutJourneyDraftAsync("cart", Samples.Cart());
        await h.Service.PublishJourneyAsync("cart");
        await h.Service.CloseJourneyAsync("cart");

        var republished = await h.Service.PublishJourneyAsync("cart");

        Assert.Equal(2, republished.Value?.LiveVersion);
        Assert.Equal([(1, JourneyVersionStatus.Closed), (2, JourneyVersionStatus.Live)],
            (await h.Service.GetJourneyAsync("cart")).Value!.Versions.Select(v => (v.Version, v.Status)));
    }

    [Fact]
    public async Task List_shows_every_journey_with_its_status_and_live_versions_lists_only_live_ones()
    {
        using var h = await CatalogHarness.CreateAsync();
        await h.Service.PutJourneyDraftAsync("b-live", Samples.Cart());
        await h.Service.PutJourneyDraftAsync("a-draft", Samples.Cart());
        await h.Service.PutJourneyDraftAsync("c-closed", Samples.ThankYou());
        await h.Service.PutJourneyDraftAsync("d-live", Samples.ThankYou());
        await h.Service.PublishJourneyAsync("b-live");
        await h.Service.PublishJourneyAsync("c-closed");
        await h.Service.CloseJourneyAsync("c-closed");
        await h.Service.PublishJourneyAsync("d-live");
        await h.Service.PublishJourneyAsync("d-live");

        var all = await h.Service.ListJourneysAsync();
        var live = await h.Service.ListLiveVersionsAsync();

        Assert.Equal(
            [("a-draft", JourneyStatus.Draft), ("b-live", JourneyStatus.Live), ("c-closed", JourneyStatus.Closed), ("d-live", JourneyStatus.Live)],
            all.Select(j => (j.Id, j.Status)));
        Assert.Equal([("b-live", 1), ("d-live", 2)], live.Select(v => (v.JourneyId, v.Version)));
    }
}
