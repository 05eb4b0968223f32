using System.Text.Json;
using Journeys.Core.Model;
using Journeys.Core.Routing;
using Journeys.Embedded.Engine;
using Journeys.Embedded.Storage;
using Journeys.Runtime.Catalog;
using Journeys.Runtime.Hosting;
using Journeys.Runtime.Routing;
using Journeys.TestSupport.Catalog;

namespace Journeys.Runtime.Tests.Routing;

/// <summary>
/// The routing decisions both hosts share, through an in-memory host port: every discard reason, duplicate
/// delivery, resume before entry, and what is counted.
/// </summary>
public sealed class EventRouterTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private readonly string folder = Path.Combine(Path.GetTempPath(), "journeys-router-" + Guid.NewGuid().ToString("N"));
    private SqliteDatabase database = null!;
    private CatalogUnderTest catalog = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        database = new SqliteDatabase(Path.Combine(folder, "catalog.db"));
        catalog = new CatalogUnderTest(await SqliteCatalogStore.OpenAsync(database));
        await catalog.Events.PutAsync("signup", Read<EventDefinition>("""
            { "match": "type == 'signup'", "profileId": "user", "eventKey": "id",
              "fields": { "id": "string", "type": "string", "user": "string", "plan": "string" }, "required": ["id", "user"] }
            """));
    }

    public Task DisposeAsync()
    {
        database.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_matching_event_enters_every_live_journey_it_starts()
    {
        var table = await PublishAsync(("onboarding", null), ("upsell", null));
        var context = new FakeRoutingContext();

        var result = await Route(table, context, """{ "id": "e1", "type": "signup", "user": "u1" }""");

        Assert.Equal(["signup"], result.Matched);
        Assert.Equal(["onboarding", "upsell"], result.Entered);
        Assert.Equal(["onboarding:u1", "upsell:u1"], context.Started);
        Assert.Empty(result.Discarded);
    }

    [Fact]
    public async Task An_event_no_definition_matches_is_neither_entered_nor_discarded()
    {
        var table = await PublishAsync(("onboarding", null));

        var result = await Route(table, new FakeRoutingContext(), """{ "id": "e1", "type": "login", "user": "u1" }""");

        Assert.Empty(result.Matched);
        Assert.Empty(result.Entered);
        Assert.Empty(result.Discarded);
    }

    [Fact]
    public async Task An_invalid_event_is_discarded_and_counted_for_the_journeys_it_would_enter()
    {
        var table = await PublishAsync(("onboarding", null));
        var context = new FakeRoutingContext();

        var result = await Route(table, context, """{ "id": "e1", "type": "signup", "plan": 3 }""");

        var discard = Assert.Single(result.Discarded);
        Assert.Equal(DiscardReason.InvalidEvent, discard.Reason);
        Assert.Contains("'user' is missing", discard.Message, StringComparison.Ordinal);
        Assert.Contains("'plan' must be a string", discard.Message, StringComparison.Ordinal);
        Assert.Equal([("onboarding", DiscardReason.InvalidEvent)], context.Discards);
        Assert.Empty(context.Started);
    }

    [Fact]
    public async Task A_redelivered_event_is_a_duplicate_and_enters_nothing()
    {
        var table = await PublishAsync(("onboarding", null));
        var context = new FakeRoutingContext();

        await Route(table, context, """{ "id": "e1", "type": "signup", "user": "u1" }""");
        var again = await Route(table, context, """{ "id": "e1", "type": "signup", "user": "u1" }""");

        Assert.Equal(DiscardReason.Duplicate, Assert.Single(again.Discarded).Reason);
        Assert.Single(context.Started);
        Assert.Equal([("onboarding", DiscardReason.Duplicate)], context.Discards);
    }

    [Fact]
    public async Task An_active_profile_is_discarded_as_already_active()
    {
        var table = await PublishAsync(("onboarding", null));
        var context = new FakeRoutingContext();
        context.Active.Add("onboarding:u1");

        var result = await Route(table, context, """{ "id": "e1", "type": "signup", "user": "u1" }""");

        var discard = Assert.Single(result.Discarded);
        Assert.Equal((DiscardReason.AlreadyActive, "onboarding"), (discard.Reason, discard.Journey));
    }

    [Fact]
    public async Task A_returning_profile_is_refused_when_reentry_is_not_allowed()
    {
        var table = await PublishAsync(("onboarding", new ReentryPolicy { Allowed = false }));
        var context = new FakeRoutingContext();
        context.Exits["onboarding:u1"] = Now.AddDays(-10);

        var result = await Route(table, context, """{ "id": "e1", "type": "signup", "user": "u1" }""");

        Assert.Equal(DiscardReason.ReentryNotAllowed, Assert.Single(result.Discarded).Reason);
    }

    [Fact]
    public async Task A_returning_profile_is_refused_until_the_reentry_wait_has_passed()
    {
        var table = await PublishAsync(("onboarding", new ReentryPolicy { Allowed = true, AfterSeconds = 3600 }));
        var context = new FakeRoutingContext();
        context.Exits["onboarding:u1"] = Now.AddMinutes(-59);
        context.Exits["onboarding:u2"] = Now.AddMinutes(-61);

        var early = await Route(table, context, """{ "id": "e1", "type": "signup", "user": "u1" }""");
        var late = await Route(table, context, """{ "id": "e2", "type": "signup", "user": "u2" }""");

        Assert.Equal(DiscardReason.ReentryTooSoon, Assert.Single(early.Discarded).Reason);
        Assert.Equal(["onboarding"], late.Entered);
    }

    [Fact]
    public async Task Waiting_instances_are_offered_the_event_before_journeys_are_entered()
    {
        await catalog.Journeys.PutDraftAsync("follow-up", Read<Journey>("""
            { "name": "f", "entry": "signup", "start": "w",
              "nodes": { "w": { "type": "waitForEvent", "event": "signup", "timeout": "P1D", "next": "e", "timeoutNext": "e" }, "e": { "type": "end" } } }
            """));
        Assert.NotNull((await catalog.Journeys.PublishAsync("follow-up")).Value);
        var table = await RoutingTable.BuildAsync(catalog.Journeys);
        var context = new FakeRoutingContext();
        context.Active.Add("follow-up:u1");
        context.Resumable.Add("follow-up:u1");

        var result = await Route(table, context, """{ "id": "e1", "type": "signup", "user": "u1" }""");

        Assert.Equal(["follow-up"], result.Resumed);
        Assert.Equal(["resume follow-up:u1", "active? follow-up:u1"], context.Calls.Where(c => !c.StartsWith("key", StringComparison.Ordinal)));
    }

    private static async Task<Journeys.Runtime.Ingestion.IngestResult> Route(RoutingTable table, FakeRoutingContext context, string json)
    {
        using var document = JsonDocument.Parse(json);
        return await EventRouter.RouteAsync(table, document.RootElement, context, Now);
    }

    private async Task<RoutingTable> PublishAsync(params (string Id, ReentryPolicy? Reentry)[] journeys)
    {
        foreach (var (id, reentry) in journeys)
        {
            var journey = Read<Journey>("""{ "name": "j", "entry": "signup", "start": "done", "nodes": { "done": { "type": "end" } } }""");
            journey.Reentry = reentry;
            await catalog.Journeys.PutDraftAsync(id, journey);
            var published = await catalog.Journeys.PublishAsync(id);
            Assert.True(published.Value is not null, published.Failure?.Message);
        }

        return await RoutingTable.BuildAsync(catalog.Journeys);
    }

    private static T Read<T>(string json)
        where T : class =>
        JsonSerializer.Deserialize(json, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)Journeys.Core.Serialization.ContractJson.Options.GetTypeInfo(typeof(T)))!;

    private sealed class FakeRoutingContext : IRoutingContext
    {
        private readonly HashSet<(string, string)> keys = [];

        public HashSet<string> Active { get; } = [];

        public HashSet<string> Resumable { get; } = [];

        public Dictionary<string, DateTimeOffset> Exits { get; } = [];

        public List<string> Started { get; } = [];

        public List<string> Calls { get; } = [];

        public List<(string Journey, DiscardReason Reason)> Discards { get; } = [];

        public ValueTask<bool> TryRecordEventKeyAsync(string eventId, string eventKey, DateTimeOffset now)
        {
            Calls.Add($"key {eventId}:{eventKey}");
            return ValueTask.FromResult(keys.Add((eventId, eventKey)));
        }

        public ValueTask<bool> IsActiveAsync(string journeyId, string profileId)
        {
            Calls.Add($"active? {journeyId}:{profileId}");
            return ValueTask.FromResult(Active.Contains($"{journeyId}:{profileId}"));
        }

        public ValueTask<DateTimeOffset?> LastExitAsync(string journeyId, string profileId) =>
            ValueTask.FromResult(Exits.TryGetValue($"{journeyId}:{profileId}", out var at) ? at : (DateTimeOffset?)null);

        public ValueTask StartAsync(LiveJourney journey, string profileId, JsonElement entryEvent, DateTimeOffset now)
        {
            Started.Add($"{journey.JourneyId}:{profileId}");
            Active.Add($"{journey.JourneyId}:{profileId}");
            return ValueTask.CompletedTask;
        }

        public ValueTask<bool> ResumeAsync(string journeyId, string profileId, string eventId, JsonElement rawEvent, DateTimeOffset now)
        {
            Calls.Add($"resume {journeyId}:{profileId}");
            return ValueTask.FromResult(Resumable.Contains($"{journeyId}:{profileId}"));
        }

        public ValueTask<int?> WaitingVersionAsync(string journeyId, string profileId, string eventId)
        {
            Calls.Add($"waiting? {journeyId}:{profileId}");
            return ValueTask.FromResult<int?>(null);
        }

        public void Discarded(string journeyId, int version, DiscardReason reason) => Discards.Add((journeyId, reason));

        public int UnmatchedCount { get; private set; }

        public void Unmatched() => UnmatchedCount++;
    }
}
