using Journeys.Core.Execution;
using Journeys.Runtime.Reporting;
using Journeys.TestSupport.Connectors;

namespace Journeys.TestSupport.Conformance;

/// <summary>The suite's own journeys: each node type and branch the samples do not reach.</summary>
public abstract partial class ConformanceScenarios
{
    [Fact]
    public async Task A_signal_sent_before_the_wait_for_it_began_is_not_heard_and_the_wait_times_out()
    {
        await using var run = await StartAsync("conf-buffered");

        await run.IngestAsync(Start("e1", "b1", "r1"));
        await run.WaitForAsync("conf-buffered", "b1", view => view.Node == "pause" && view.Waiting == WaitKind.Timer);
        // Durable buffers the event for the orchestration's next wait; the embedded engine drops it at once.
        await run.IngestAsync(Signal("s1", "b1", "r1"));
        var view = await run.WaitForEndAsync("conf-buffered", "b1");

        Assert.Equal(InstanceStatus.Completed, view.Status);
        Assert.Equal(["pause", "listen", "missed"], Path(view));
        var version = await run.VersionAsync("conf-buffered");
        Assert.Equal(1, version.Nodes["pause"].Branches["next"]);
        Assert.Equal(1, version.Nodes["listen"].Branches["timeout"]);
    }

    [Fact]
    public async Task A_call_that_fails_once_is_retried_with_the_same_idempotency_key_and_succeeds()
    {
        await using var run = await StartAsync(["conf-call"], Answering("conf-call", ScriptedReply.Status(503), ScriptedReply.Json("""{ "more": false }""")));

        await run.IngestAsync(Start("e1", "a1", "r1"));
        var view = await run.WaitForEndAsync("conf-call", "a1");

        Assert.Equal(["call", "ok"], Path(view));
        var attempts = run.RequestsTo("conf-call");
        Assert.Equal(2, attempts.Count);
        Assert.All(attempts, attempt => Assert.Equal(view.InstanceId + ":call:1", attempt.Header("Idempotency-Key")));
        Assert.All(attempts, attempt => Assert.Equal("""{"ref":"r1"}""", attempt.Body));
        var result = Assert.Single(view.Steps, step => step.Kind == StepEventKind.ActionResult);
        Assert.Equal(("ok", 200), (result.Outcome, result.StatusCode));
        var version = await run.VersionAsync("conf-call");
        Assert.Equal(1, version.Nodes["call"].Branches["next"]);
        Assert.Equal(1, version.Nodes["call"].Actions!.Calls);
    }

    [Fact]
    public async Task A_call_refused_with_400_is_not_retried_and_takes_the_error_path()
    {
        await using var run = await StartAsync(["conf-call"], Answering("conf-call", ScriptedReply.Status(400)));

        await run.IngestAsync(Start("e1", "a1", "r1"));
        var view = await run.WaitForEndAsync("conf-call", "a1");

        Assert.Equal(InstanceStatus.Completed, view.Status);
        Assert.Equal(["call", "failed"], Path(view));
        Assert.Single(run.RequestsTo("conf-call"));
        var result = Assert.Single(view.Steps, step => step.Kind == StepEventKind.ActionResult);
        Assert.Equal(("error", 400), (result.Outcome, result.StatusCode));
        Assert.Equal(1, (await run.VersionAsync("conf-call")).Nodes["call"].Branches["error"]);
    }

    [Fact]
    public async Task A_failed_call_without_an_error_path_ends_the_instance_errored_with_the_cause()
    {
        await using var run = await StartAsync(["conf-strict"], Answering("conf-call", ScriptedReply.Status(503)));

        await run.IngestAsync(Start("e1", "a1", "r1"));
        var view = await run.WaitForEndAsync("conf-strict", "a1");

        Assert.Equal(InstanceStatus.Errored, view.Status);
        Assert.Equal(["call"], Path(view));
        Assert.Equal(3, run.RequestsTo("conf-call").Count); // the first call and conf-call's maxRetries (2)
        var error = Assert.Single(view.Steps, step => step.Kind == StepEventKind.Error);
        Assert.Equal("ACTION_FAILED", error.Code);
        Assert.Contains("503 (3 attempts)", error.Message, StringComparison.Ordinal);
        var version = await run.VersionAsync("conf-strict");
        Assert.Equal((1, 0, 1), (version.Entered, version.Completed, version.Errored));
        Assert.Equal(1, version.Nodes["call"].Errors);
    }

    [Fact]
    public async Task A_call_over_the_actions_cap_is_not_sent_and_is_capped()
    {
        await using var run = await StartAsync("conf-capped");

        await run.IngestAsync(Start("e1", "a1", "r1"));
        var view = await run.WaitForEndAsync("conf-capped", "a1");

        Assert.Equal(InstanceStatus.Completed, view.Status);
        Assert.Equal(["first", "second", "was-capped", "capped"], Path(view));
        Assert.Single(run.RequestsTo("conf-capped")); // capPerMinute 1: the second call never leaves the host
        var results = view.Steps.Where(step => step.Kind == StepEventKind.ActionResult).ToList();
        Assert.Equal(["ok", "capped"], results.Select(r => r.Outcome));
        Assert.Null(results[1].StatusCode);
        var version = await run.VersionAsync("conf-capped");
        Assert.Equal(1, version.Nodes["first"].Branches["next"]);
        Assert.Equal(1, version.Nodes["second"].Branches["error"]);
        Assert.Equal(1, version.Nodes["was-capped"].Branches["branches[0]"]);
    }

    [Fact]
    public async Task Fetched_data_picks_the_branch_and_a_failed_fetch_ends_the_instance_errored()
    {
        await using var run = await StartAsync(["conf-data"], (request, number) => request.PathAndQuery == "/profiles/profiles/d2"
            ? ScriptedReply.Status(503)
            : Reply(request, number));

        await run.IngestAsync(Start("e1", "d1", "r1"));
        await run.IngestAsync(Start("e2", "d2", "r2"));
        var fetched = await run.WaitForEndAsync("conf-data", "d1");
        var failed = await run.WaitForEndAsync("conf-data", "d2");

        Assert.Equal(InstanceStatus.Completed, fetched.Status);
        Assert.Equal(["score", "high"], Path(fetched));
        var data = Assert.Single(fetched.Steps, step => step.Kind == StepEventKind.DataFetched);
        Assert.Equal(("profiles.info", null), (data.Outcome, data.Code));
        Assert.Equal(InstanceStatus.Errored, failed.Status);
        Assert.Equal(["score"], Path(failed));
        var failure = Assert.Single(failed.Steps, step => step.Kind == StepEventKind.DataFetched);
        Assert.Equal(("profiles.info", "DATA_FETCH_FAILED"), (failure.Outcome, failure.Code));
        Assert.Equal("DATA_FETCH_FAILED", Assert.Single(failed.Steps, step => step.Kind == StepEventKind.Error).Code);
        Assert.Single(run.Requests, r => r.PathAndQuery == "/profiles/profiles/d1");
        Assert.Equal(3, run.Requests.Count(r => r.PathAndQuery == "/profiles/profiles/d2")); // the first fetch and 2 retries
        var version = await run.VersionAsync("conf-data");
        Assert.Equal((2, 1, 1), (version.Entered, version.Completed, version.Errored));
        Assert.Equal(1, version.Nodes["score"].Branches["branches[0]"]);
        Assert.Equal(1, version.Nodes["score"].Errors);
    }

    [Fact]
    public async Task Jumps_enter_the_target_or_are_skipped_by_its_entry_rules()
    {
        await using var run = await StartAsync("conf-target-open", "conf-target-active", "conf-target-soon", "conf-target-never", "conf-hop");
        string[] targets = ["conf-target-open", "conf-target-active", "conf-target-soon", "conf-target-never"];
        (string Profile, string Ref)[] profiles = [("j1", "open"), ("j2", "active"), ("j3", "soon"), ("j4", "never")];

        // Each start enters the hopper and every target; the targets end at once except conf-target-active.
        foreach (var (profile, reference) in profiles)
        {
            var entered = await run.IngestAsync(Start("e-" + profile, profile, reference));
            Assert.Equal(targets.Append("conf-hop").Order(StringComparer.Ordinal), entered.Entered.Order(StringComparer.Ordinal));
        }

        foreach (var (profile, _) in profiles)
        {
            await run.WaitForEventWaitAsync("conf-hop", profile, "listen");
            await run.WaitForEventWaitAsync("conf-target-active", profile, "hold");
            foreach (var target in new[] { "conf-target-open", "conf-target-soon", "conf-target-never" })
            {
                await run.WaitForEndAsync(target, profile);
            }
        }

        foreach (var (profile, _) in profiles)
        {
            await run.IngestAsync(Signal("go-" + profile, profile, "go"));
        }

        var hops = new List<InstanceView>();
        foreach (var (profile, _) in profiles)
        {
            hops.Add(await run.WaitForEndAsync("conf-hop", profile));
        }

        Assert.All(hops, hop => Assert.Equal(InstanceStatus.Completed, hop.Status));
        Assert.Equal(["listen", "route", "hop-open"], Path(hops[0]));
        Assert.Equal(["listen", "route", "hop-never"], Path(hops[3]));
        Assert.DoesNotContain(hops[0].Steps, step => step.Kind == StepEventKind.JumpSkipped);
        Assert.Equal(
            ["skippedAlreadyActive", "skippedReentryTooSoon", "skippedReentryNotAllowed"],
            hops.Skip(1).Select(hop => Assert.Single(hop.Steps, step => step.Kind == StepEventKind.JumpSkipped).Outcome));
        var reentered = await run.WaitForAsync("conf-target-open", "j1", view => view.Previous.Count == 1 && view.EndedAt is not null);
        Assert.Equal(InstanceStatus.Completed, reentered.Status);
        Assert.Equal(5, (await run.VersionAsync("conf-target-open")).Entered); // four starts and the jump
        Assert.Equal(1, (await run.VersionAsync("conf-target-active")).Discarded["alreadyActive"]);
        Assert.Equal(1, (await run.VersionAsync("conf-target-soon")).Discarded["reentryTooSoon"]);
        Assert.Equal(1, (await run.VersionAsync("conf-target-never")).Discarded["reentryNotAllowed"]);
        var hopper = await run.VersionAsync("conf-hop");
        Assert.Equal((4, 4), (hopper.Entered, hopper.Completed));
        Assert.Equal(4, hopper.Nodes["listen"].Branches["next"]);
    }

    [Fact]
    public async Task A_node_visited_twice_sends_a_new_idempotency_key_per_visit_and_keeps_it_across_retries()
    {
        await using var run = await StartAsync(["conf-loop"], Answering(
            "conf-call", ScriptedReply.Json("""{ "more": true }"""), ScriptedReply.Status(503), ScriptedReply.Json("""{ "more": false }""")));

        await run.IngestAsync(Start("e1", "l1", "r1"));
        var view = await run.WaitForEndAsync("conf-loop", "l1");

        Assert.Equal(["ping", "again", "pause", "ping", "again", "done"], Path(view));
        Assert.Equal(
            [view.InstanceId + ":ping:1", view.InstanceId + ":ping:2", view.InstanceId + ":ping:2"],
            run.RequestsTo("conf-call").Select(r => r.Header("Idempotency-Key")));
        var version = await run.VersionAsync("conf-loop");
        Assert.Equal((2, 2), (version.Nodes["ping"].Entered, version.Nodes["ping"].Branches["next"]));
        Assert.Equal(1, version.Nodes["again"].Branches["branches[0]"]);
        Assert.Equal(1, version.Nodes["again"].Branches["otherwise"]);
    }

    [Fact]
    public async Task A_call_that_does_not_answer_in_time_is_timed_out_and_takes_the_error_path()
    {
        await using var run = await StartAsync(["conf-quick"], Answering("conf-quick", ScriptedReply.Json("{}") with { Delay = TimeSpan.FromSeconds(3) }));

        await run.IngestAsync(Start("e1", "a1", "r1"));
        var view = await run.WaitForEndAsync("conf-quick", "a1");

        Assert.Equal(InstanceStatus.Completed, view.Status);
        Assert.Equal(["call", "failed"], Path(view));
        Assert.Single(run.RequestsTo("conf-quick")); // maxRetries 0
        var result = Assert.Single(view.Steps, step => step.Kind == StepEventKind.ActionResult);
        Assert.Equal(("timedout", null), (result.Outcome, result.StatusCode));
        Assert.Equal(1, (await run.VersionAsync("conf-quick")).Nodes["call"].Branches["error"]);
    }

    [Fact]
    public async Task The_event_that_ended_a_wait_is_readable_by_the_nodes_after_it()
    {
        await using var run = await StartAsync("conf-echo");

        await run.IngestAsync(Start("e1", "v1", "r1"));
        await run.WaitForEventWaitAsync("conf-echo", "v1", "listen");
        await run.IngestAsync(Signal("s-77", "v1", "r1"));
        var view = await run.WaitForEndAsync("conf-echo", "v1");

        Assert.Equal(["listen", "echo", "done"], Path(view));
        Assert.Equal("""{"ref":"s-77/e1"}""", Assert.Single(run.RequestsTo("conf-call")).Body);
    }

    [Fact]
    public async Task An_instance_still_active_at_the_journey_timeout_ends_timed_out()
    {
        await using var run = await StartAsync("conf-deadline");

        await run.IngestAsync(Start("e1", "t1", "r1"));
        var view = await run.WaitForEndAsync("conf-deadline", "t1");

        Assert.Equal(InstanceStatus.TimedOut, view.Status);
        Assert.Equal(["pause"], Path(view));
        var version = await run.VersionAsync("conf-deadline");
        Assert.Equal((1, 0, 0, 1), (version.Entered, version.Active, version.Completed, version.TimedOut));
        Assert.Equal(0, version.Nodes["pause"].Waiting);
    }
}
