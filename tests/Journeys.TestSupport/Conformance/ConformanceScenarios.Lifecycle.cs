using Journeys.Core.Execution;
using Journeys.Core.Routing;
using Journeys.Runtime.Reporting;
using Journeys.TestSupport.Connectors;

namespace Journeys.TestSupport.Conformance;

/// <summary>Lifecycle and long runs: stop, close, a new version while instances wait, re-entry, long histories.</summary>
public abstract partial class ConformanceScenarios
{
    [Fact]
    public async Task Stopping_the_journey_ends_its_waiting_instance_as_stopped()
    {
        await using var run = await StartAsync("abandoned-cart");

        await run.IngestAsync(Cart("e1", "c1", "k1", 120));
        await run.WaitForEventWaitAsync("abandoned-cart", "c1", "await-order");
        await run.Host.StopJourneyAsync("abandoned-cart");
        var view = await run.WaitForEndAsync("abandoned-cart", "c1");
        var late = await run.IngestAsync(Cart("e2", "c2", "k2", 50));

        Assert.Equal(InstanceStatus.Stopped, view.Status);
        Assert.Equal(["await-order"], Path(view));
        Assert.Empty(late.Entered);
        Assert.Empty(run.Requests);
        var version = await run.VersionAsync("abandoned-cart");
        Assert.Equal((1, 0, 1), (version.Entered, version.Active, version.Stopped));
        Assert.Equal(0, version.Nodes["await-order"].Waiting);
    }

    [Fact]
    public async Task Closing_the_journey_refuses_new_entrants_and_lets_the_waiting_instance_finish()
    {
        await using var run = await StartAsync("conf-listen");

        await run.IngestAsync(Start("e1", "c1", "r1"));
        await run.WaitForEventWaitAsync("conf-listen", "c1", "listen");
        var again = await run.IngestAsync(Start("e2", "c1", "r2"));
        Assert.True((await run.Host.Catalog.CloseJourneyAsync("conf-listen")).Succeeded);
        var closed = await run.IngestAsync(Start("e3", "c2", "r3"));
        var signal = await run.IngestAsync(Signal("s1", "c1", "r1"));
        var view = await run.WaitForEndAsync("conf-listen", "c1");

        Assert.Equal(DiscardReason.AlreadyActive, Assert.Single(again.Discarded).Reason);
        Assert.Empty(closed.Entered);
        Assert.Equal(["conf-listen"], signal.Resumed);
        Assert.Equal(InstanceStatus.Completed, view.Status);
        Assert.Equal(["listen", "heard"], Path(view));
        Assert.Null(await run.Host.Runtime.GetInstanceAsync("conf-listen", "c2"));
        var version = await run.VersionAsync("conf-listen");
        Assert.Equal((1, 1), (version.Entered, version.Completed));
        Assert.Equal(1, version.Discarded["alreadyActive"]);
    }

    [Fact]
    public async Task An_instance_waiting_when_a_new_version_is_published_finishes_on_its_own_version()
    {
        await using var run = await StartAsync("abandoned-cart");

        await run.IngestAsync(Cart("e1", "c1", "k1", 120));
        await run.WaitForEventWaitAsync("abandoned-cart", "c1", "await-order");
        Assert.Equal(2, await run.PublishDraftAsync("abandoned-cart"));
        await run.IngestAsync(Cart("e2", "c2", "k2", 50));
        var first = await run.WaitForEndAsync("abandoned-cart", "c1");
        var second = await run.WaitForEndAsync("abandoned-cart", "c2");

        Assert.Equal(1, first.Version);
        Assert.Equal(2, second.Version);
        Assert.Equal(["await-order", "tier-check", "vip-email", "done"], Path(first));
        var report = await run.ReportAsync("abandoned-cart");
        Assert.Equal([(1, 1L, 1L), (2, 1L, 1L)], report.Versions.OrderBy(v => v.Version).Select(v => (v.Version, v.Entered, v.Completed)));
    }

    [Fact]
    public async Task Re_entry_after_the_exit_starts_a_new_run_with_new_idempotency_keys()
    {
        await using var run = await StartAsync("payment-failed");

        var first = await RunPaymentFailureAsync(run, "f1", earlierRuns: 0);
        var second = await RunPaymentFailureAsync(run, "f2", earlierRuns: 1);

        Assert.NotEqual(first.InstanceId, second.InstanceId);
        Assert.Equal(first.InstanceId, Assert.Single(second.Previous).InstanceId);
        Assert.Equal([first.InstanceId + ":retry:1", second.InstanceId + ":retry:1"], run.RequestsTo("retry-payment").Select(r => r.Header("Idempotency-Key")));
        var version = await run.VersionAsync("payment-failed");
        Assert.Equal((2, 2), (version.Entered, version.Completed));
    }

    [Fact]
    public async Task A_long_wait_for_an_event_keeps_the_events_that_arrive_across_a_history_restart()
    {
        await using var run = await StartAsync("conf-listen");

        await run.IngestAsync(Start("e1", "n1", "mine"));
        await run.WaitForEventWaitAsync("conf-listen", "n1", "listen");
        // Durable continues the orchestration as new after 20 operations (each event it reads is one): the 30
        // signals that do not correlate take it past that, the one that does comes last. (Which of them are still
        // buffered at that moment depends on timing; JourneyFunctions.Tests' ContinueAsNewTests makes it certain.)
        var signals = Enumerable.Range(1, 30).Select(i => Signal($"s{i}", "n1", "other")).Append(Signal("s-mine", "n1", "mine")).ToList();
        var results = await run.IngestAsync(signals);
        var view = await run.WaitForEndAsync("conf-listen", "n1");

        Assert.Equal(["conf-listen"], results[^1].Resumed);
        Assert.Equal(InstanceStatus.Completed, view.Status);
        Assert.Equal(["listen", "heard"], Path(view));
        Assert.Equal(1, view.Steps.Count(step => step.Kind == StepEventKind.Resumed));
        if (await run.Host.GenerationAsync("conf-listen", "n1") is { } generation)
        {
            Assert.True(generation >= 1, $"the orchestration never continued as new (generation {generation})");
        }

        var version = await run.VersionAsync("conf-listen");
        Assert.Equal((1, 1), (version.Entered, version.Completed));
        Assert.Equal(1, version.Nodes["listen"].Branches["next"]);
    }

    [Fact]
    public async Task Stopping_the_journey_ends_an_instance_waiting_on_a_timer_as_stopped()
    {
        await using var run = await StartAsync("conf-buffered");

        await run.IngestAsync(Start("e1", "b1", "r1"));
        await run.WaitForAsync("conf-buffered", "b1", view => view.Node == "pause" && view.Waiting == WaitKind.Timer);
        await run.Host.StopJourneyAsync("conf-buffered");
        var view = await run.WaitForEndAsync("conf-buffered", "b1");

        Assert.Equal(InstanceStatus.Stopped, view.Status);
        Assert.Equal(["pause"], Path(view));
        Assert.Equal(1, (await run.VersionAsync("conf-buffered")).Stopped);
    }

    [Fact]
    public async Task Stopping_the_journey_while_a_call_is_in_flight_ends_the_instance_before_its_next_node()
    {
        var slowCallArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var run = await StartAsync(["conf-stop-call"], (request, number) =>
        {
            if (request.Body.Contains("slow", StringComparison.Ordinal))
            {
                slowCallArrived.TrySetResult();
                return ScriptedReply.Json("""{ "more": false }""") with { Delay = TimeSpan.FromSeconds(3) };
            }

            return Reply(request, number);
        });

        await run.IngestAsync(Start("e1", "s1", "r1"));
        await slowCallArrived.Task.WaitAsync(TimeSpan.FromMinutes(1));
        await run.Host.StopJourneyAsync("conf-stop-call");
        var view = await run.WaitForEndAsync("conf-stop-call", "s1");

        Assert.Equal(InstanceStatus.Stopped, view.Status);
        Assert.Equal(["slow"], Path(view));
        Assert.Equal(["""{"ref":"slow"}"""], run.RequestsTo("conf-call").Select(r => r.Body)); // nothing is sent after the stop
        Assert.Equal(1, (await run.VersionAsync("conf-stop-call")).Stopped);
    }

    [Fact]
    public async Task Redelivered_invalid_and_unknown_events_are_answered_and_counted_without_entering()
    {
        await using var run = await StartAsync("conf-listen");

        var results = await run.IngestAsync([
            Start("e1", "u1", "r1"),
            Start("e1", "u1", "r1"),
            """{ "id": "e2", "type": "conf.start", "customer": { "id": "u2" } }""",
            """{ "id": "e3", "type": "unknown.kind", "customer": { "id": "u3" } }""",
        ]);

        Assert.Equal(["conf-listen"], results[0].Entered);
        Assert.Equal(DiscardReason.Duplicate, Assert.Single(results[1].Discarded).Reason);
        var invalid = Assert.Single(results[2].Discarded);
        Assert.Equal(DiscardReason.InvalidEvent, invalid.Reason);
        Assert.Contains("ref", invalid.Message, StringComparison.Ordinal);
        Assert.Equal(("e3", 0), (results[3].EventKey, results[3].Matched.Count));
        Assert.Null(await run.Host.Runtime.GetInstanceAsync("conf-listen", "u2"));
        // Durable counts the entry when the orchestration records it.
        var version = await run.WaitForVersionAsync("conf-listen", v => v.Nodes.TryGetValue("listen", out var listen) && listen.Waiting == 1);
        Assert.Equal((1, 1), (version.Entered, version.Active));
        Assert.Equal(1, version.Discarded["duplicate"]);
        Assert.Equal(1, version.Discarded["invalidEvent"]);
    }

    /// <summary>One payment failure run to its end (retry now, declined, the wait for a success times out).</summary>
    private static async Task<InstanceView> RunPaymentFailureAsync(ConformanceRun run, string eventId, int earlierRuns)
    {
        var result = await run.IngestAsync(PaymentFailed(eventId, "p1", DateTimeOffset.UtcNow));
        Assert.Equal(["payment-failed"], result.Entered);
        var view = await run.WaitForEndAsync("payment-failed", "p1");
        Assert.Equal(earlierRuns, view.Previous.Count);
        return view;
    }
}
