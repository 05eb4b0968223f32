using Journeys.Azure.Durable;
using Journeys.Core.Execution;
using Journeys.Core.Serialization;
using Journeys.Runtime.Connectors;
using Journeys.Runtime.Orchestration;
using Journeys.Runtime.Reporting;
using Journeys.TestSupport.Connectors;
using Journeys.TestSupport.Orchestration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Journeys.Azure.Tests.Durable;

/// <summary>The activities behind the orchestration: snapshots, recording (once), exits, jumps, stop.</summary>
public sealed class JourneyActivitiesTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = CartJourney.T0;

    private readonly InMemoryInstanceRecordStore records = new();
    private readonly InMemoryCounterStore counters = new();
    private readonly InMemoryExitStore exits = new();
    private readonly FakeInstanceGateway instances = new();
    private CartCatalog catalog = null!;
    private ServiceProvider services = null!;
    private JourneyActivities activities = null!;
    private RoutingTableCache tables = null!;

    public async Task InitializeAsync()
    {
        catalog = await CartCatalog.CreateAsync();
        services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddJourneyConnectors()
            .BuildServiceProvider();
        activities = new JourneyActivities(
            catalog.Journeys,
            tables = new RoutingTableCache(catalog.Journeys, TimeProvider.System, TimeSpan.FromHours(1)),
            services.GetRequiredService<ActionInvoker>(),
            services.GetRequiredService<DataSourceClient>(),
            records,
            counters,
            exits);
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        tables.Dispose();
        catalog.Dispose();
    }

    [Fact]
    public async Task The_snapshot_holds_the_version_and_exactly_the_configuration_it_uses_and_compiles_back()
    {
        var snapshot = await activities.LoadJourneyAsync(new JourneyVersionRef("abandoned-cart", 1));

        Assert.Equal(["cart.abandoned", "order.placed"], snapshot.Events.Keys);
        Assert.Equal(["send-email"], snapshot.Actions.Keys);
        Assert.Equal(["loyalty"], snapshot.DataSources.Keys);
        Assert.False(snapshot.Stopped);
        var roundTripped = OrchestrationJson.DeserializeSnapshot(OrchestrationJson.Serialize(snapshot));
        var compiled = JourneySnapshots.Compile(roundTripped);
        Assert.Equal("await-order", compiled.StartNode);
    }

    [Fact]
    public async Task A_failed_action_activity_hands_the_cause_to_the_orchestration()
    {
        // No MAILER_TOKEN is configured here: the call fails before sending, and the activity result says why.
        var request = new ActionCallRequest("abandoned-cart", 1, "std-email", "send-email", CartJourney.Json("""{ "email": "a@example.com", "total": 10 }"""), "run-1:std-email:1");

        var input = await activities.CallActionAsync(request);

        Assert.Equal(Journeys.Core.Execution.ActionStatus.Error, input.Status);
        var history = OrchestrationJson.Serialize(input);
        Assert.Contains("MAILER_TOKEN", history, StringComparison.Ordinal);
        Assert.Contains("CONNECTOR_AUTH_SETTING_MISSING", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stopped_version_is_marked_stopped_in_its_snapshot()
    {
        Assert.True((await catalog.Journeys.StopAsync("abandoned-cart")).Succeeded);

        var snapshot = await activities.LoadJourneyAsync(new JourneyVersionRef("abandoned-cart", 1));

        Assert.True(snapshot.Stopped);
    }

    [Fact]
    public async Task Recording_the_same_step_twice_adds_its_counters_once_and_an_end_records_the_exit()
    {
        var ended = T0.AddMinutes(20);
        var record = new StepRecord
        {
            JourneyId = "abandoned-cart",
            Version = 1,
            ProfileId = "c-42",
            InstanceId = "run-1",
            Status = InstanceStatus.Completed,
            Node = "done",
            StartedAt = T0,
            EndedAt = ended,
            Events =
            [
                new StepEvent(4, StepEventKind.Resumed, "await-order", ended) { Outcome = "event" },
                new StepEvent(5, StepEventKind.Exited, "await-order", ended) { Branch = "next", Target = "done" },
                new StepEvent(6, StepEventKind.Entered, "done", ended),
                new StepEvent(7, StepEventKind.Ended, "done", ended) { Outcome = "completed" },
            ],
        };

        await activities.RecordStepsAsync(record);
        await activities.RecordStepsAsync(record);

        Assert.Single(records.Records);
        Assert.Equal(1, counters.Counters[new CounterKey("abandoned-cart", 1, "await-order", "branch:next")]);
        Assert.Equal(-1, counters.Counters[new CounterKey("abandoned-cart", 1, "await-order", "waiting")]);
        Assert.Equal(1, counters.Counters[new CounterKey("abandoned-cart", 1, "", "completed")]);
        Assert.Equal(ended, exits.Exits[("abandoned-cart", "c-42")]);
    }

    [Fact]
    public async Task A_jump_into_a_journey_without_a_live_version_reports_no_live_version()
    {
        var outcome = await activities.JumpAsync(new JumpRequest("abandoned-cart", "welcome-series", "c-42", CartJourney.Json(CartJourney.EntryJson), T0), instances);

        Assert.Equal(JumpOutcome.NoLiveVersion, outcome);
        Assert.Empty(instances.Starts);
    }

    [Fact]
    public async Task A_jump_starts_the_targets_live_version_unless_the_profile_is_active_there()
    {
        var request = new JumpRequest("other", "abandoned-cart", "c-42", CartJourney.Json(CartJourney.EntryJson), T0);

        var first = await activities.JumpAsync(request, instances);
        var second = await activities.JumpAsync(request, instances);

        Assert.Equal(JumpOutcome.Entered, first);
        Assert.Equal(JumpOutcome.SkippedAlreadyActive, second);
        var (instanceId, input) = Assert.Single(instances.Starts);
        Assert.Equal(InstanceIds.For("abandoned-cart", "c-42"), instanceId);
        Assert.Equal(1, input.Version);
    }

    [Fact]
    public async Task A_jump_obeys_the_targets_reentry_rules_like_an_entry_and_counts_the_discard_on_the_target()
    {
        // abandoned-cart allows re-entry 300 s after an exit; the profile left it 60 s before the jump.
        exits.Exits[("abandoned-cart", "c-42")] = T0.AddSeconds(-60);

        var outcome = await activities.JumpAsync(new JumpRequest("other", "abandoned-cart", "c-42", CartJourney.Json(CartJourney.EntryJson), T0), instances);

        Assert.Equal(JumpOutcome.SkippedReentryTooSoon, outcome);
        Assert.Empty(instances.Starts);
        Assert.Equal(1, counters.Counters[new CounterKey("abandoned-cart", 1, "", "discarded:reentryTooSoon")]);
    }

    [Fact]
    public async Task A_jump_after_the_reentry_wait_enters()
    {
        exits.Exits[("abandoned-cart", "c-42")] = T0.AddSeconds(-300);

        var outcome = await activities.JumpAsync(new JumpRequest("other", "abandoned-cart", "c-42", CartJourney.Json(CartJourney.EntryJson), T0), instances);

        Assert.Equal(JumpOutcome.Entered, outcome);
        Assert.Single(instances.Starts);
    }

    [Fact]
    public async Task An_action_the_snapshot_does_not_know_completes_as_an_error_without_a_call()
    {
        var result = await activities.CallActionAsync(new ActionCallRequest("abandoned-cart", 1, "vip-email", "no-such-action", CartJourney.Json("{}"), "k:1"));

        Assert.Equal((Journeys.Core.Execution.ActionStatus.Error, (int?)null, (int?)null), (result.Status, result.StatusCode, result.Attempts));
        Assert.Equal(ConnectorErrorCodes.DefinitionInvalid, result.ErrorCode);
        Assert.Contains("'no-such-action'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edited_action_reaches_the_next_call_at_the_next_catalog_revision_as_on_the_embedded_host()
    {
        await using var before = LoopbackServer.Always(ScriptedReply.Json("""{ "messageId": "m-1" }"""));
        await using var after = LoopbackServer.Always(ScriptedReply.Json("""{ "messageId": "m-2" }"""));
        var call = new ActionCallRequest("abandoned-cart", 1, "vip-email", "send-email", CartJourney.Json("""{ "email": "a@example.com", "total": 1 }"""), "k:1");

        await PutMailerAsync(before.Url("/send"));
        var first = await activities.CallActionAsync(call);
        await PutMailerAsync(after.Url("/send"));
        var second = await activities.CallActionAsync(call with { IdempotencyKey = "k:2" });

        Assert.Equal(Journeys.Core.Execution.ActionStatus.Ok, first.Status);
        Assert.Equal(Journeys.Core.Execution.ActionStatus.Ok, second.Status);
        Assert.Equal(1, before.RequestCount);
        Assert.Equal(1, after.RequestCount);
    }

    [Fact]
    public async Task A_data_source_the_version_does_not_have_fails_the_fetch_with_the_message_both_hosts_give()
    {
        var result = await activities.FetchDataAsync(new DataFetchRequest("abandoned-cart", 1, "tier-check", "no-such-source", "tier", "/x"));

        Assert.Equal(new DataFetchedInput("no-such-source", "tier", null, "data source 'no-such-source' is not available"), result);
    }

    [Fact]
    public void Connector_outcomes_map_onto_stepper_inputs()
    {
        var capped = Journeys.Runtime.Commands.CommandExecutor.ToInput(new ActionOutcome { Status = Journeys.Core.Execution.ActionStatus.Capped, LatencyMs = 3 }, "k:2");
        var failed = Journeys.Runtime.Commands.CommandExecutor.ToInput(new DataFetchOutcome { Ok = false, ErrorCode = "HTTP_STATUS", Error = "the source answered 503" }, "loyalty", "tier");

        Assert.Equal(new ActionCompletedInput("k:2", Journeys.Core.Execution.ActionStatus.Capped, null, null, 3, null, null, 0), capped);
        Assert.Equal(new DataFetchedInput("loyalty", "tier", null, "the source answered 503"), failed);
    }

    private async Task PutMailerAsync(string url)
    {
        var action = ContractJson.ReadCustomAction("""
            { "method": "POST", "url": "URL", "params": { "email": "string", "total": "number" },
              "body": { "to": "{{params.email}}" }, "maxRetries": 0 }
            """.Replace("URL", url, StringComparison.Ordinal)).Value!;
        Assert.True((await catalog.Actions.PutAsync("send-email", action)).Succeeded);
    }

    [Fact]
    public async Task Stopping_a_journey_raises_stop_to_each_of_its_active_instances_only()
    {
        instances.Active.UnionWith([InstanceIds.For("abandoned-cart", "c-1"), InstanceIds.For("abandoned-cart", "c-2"), InstanceIds.For("abandoned-cart.eu", "c-1")]);
        await JourneyStopObserver.OnLifecycleChangedAsync(new Journeys.Runtime.Catalog.JourneyLifecycleChange("abandoned-cart", Journeys.Runtime.Catalog.JourneyStatus.Stopped, null, [1]), instances, CancellationToken.None);
        await JourneyStopObserver.OnLifecycleChangedAsync(new Journeys.Runtime.Catalog.JourneyLifecycleChange("abandoned-cart", Journeys.Runtime.Catalog.JourneyStatus.Closed, null, [1]), instances, CancellationToken.None);

        Assert.Equal(
            new[] { InstanceIds.For("abandoned-cart", "c-1"), InstanceIds.For("abandoned-cart", "c-2") }.Order(StringComparer.Ordinal),
            instances.Raised.Select(r => r.InstanceId).Order(StringComparer.Ordinal));
        Assert.All(instances.Raised, r => Assert.Equal("stop", r.EventName));
    }
}
