using System.Globalization;
using System.Text;
using Journeys.Core.Execution;
using static Journeys.Core.Tests.Execution.InstanceDriver;

namespace Journeys.Core.Tests.Execution;

/// <summary>
/// States already stored by hosts (SQLite rows, Durable orchestration inputs) must keep stepping exactly as they did
/// when they were written. Every literal below was captured from the stepper as it was before its allocation work
/// (commit 623dc9e): the stored state, the input, and the state, command and step events that step produced.
/// Each case reads the old state, applies the old input and must give the same bytes.
/// </summary>
public sealed class StoredStateCompatibilityTests
{
    /// <summary>A split into an action whose error path loops back through a wait and a waitForEvent (visit 2).</summary>
    private const string LoopJourney = """
        { "entry": "cart.abandoned", "start": "ab",
          "nodes": {
            "ab": { "type": "split", "branches": [ { "percent": 30, "next": "send" }, { "percent": 70, "next": "send" } ] },
            "send": { "type": "action", "action": "send-email",
                      "params": { "email": "entry.customer.email", "total": "actions.send.statusCode ?? 0" },
                      "next": "done", "errorNext": "pause" },
            "pause": { "type": "wait", "duration": "PT1H", "next": "w" },
            "w": { "type": "waitForEvent", "event": "order.placed", "correlate": "event.cart.id == entry.cart.id", "next": "send" },
            "done": { "type": "end" } } }
        """;

    public static TheoryData<int> CaseIndexes => new(Enumerable.Range(0, Cases.Length));

    private static readonly StoredCase[] Cases =
    [
        new StoredCase(
            "spec",
            null,
            """{"kind":"start","entry":{"id":"e1","type":"cart.abandoned","customer":{"id":"p1","email":"ann@example.com","tier":"Gold"},"cart":{"id":"c1","total":80},"occurredAt":"2026-03-01T09:55:00Z"},"profileId":"p1","instanceId":"i1"}""",
            "2026-03-01T10:00:00.0000000+00:00",
            """{"journeyId":"cart","version":1,"profileId":"p1","instanceId":"i1","status":"active","node":"await-order","waiting":"event","wakeAt":"2026-03-01T11:00:00+00:00","startedAt":"2026-03-01T10:00:00+00:00","deadline":"2026-05-31T10:00:00+00:00","sequence":3,"visits":{"await-order":1},"entry":{"id":"e1","type":"cart.abandoned","customer":{"id":"p1","email":"ann@example.com","tier":"Gold"},"cart":{"id":"c1","total":80},"occurredAt":"2026-03-01T09:55:00Z"},"pending":{"kind":"waitForEvent","nodeId":"await-order","eventId":"order.placed","timeoutAt":"2026-03-01T11:00:00+00:00"}}""",
            """{"kind":"waitForEvent","nodeId":"await-order","eventId":"order.placed","timeoutAt":"2026-03-01T11:00:00+00:00"}""",
            """[{"sequence":1,"kind":"started","at":"2026-03-01T10:00:00+00:00","outcome":"await-order"},{"sequence":2,"kind":"entered","node":"await-order","at":"2026-03-01T10:00:00+00:00"},{"sequence":3,"kind":"waiting","node":"await-order","at":"2026-03-01T10:00:00+00:00","outcome":"event"}]"""),
        new StoredCase(
            "spec",
            """{"journeyId":"cart","version":1,"profileId":"p1","instanceId":"i1","status":"active","node":"await-order","waiting":"event","wakeAt":"2026-03-01T11:00:00+00:00","startedAt":"2026-03-01T10:00:00+00:00","deadline":"2026-05-31T10:00:00+00:00","sequence":3,"visits":{"await-order":1},"entry":{"id":"e1","type":"cart.abandoned","customer":{"id":"p1","email":"ann@example.com","tier":"Gold"},"cart":{"id":"c1","total":80},"occurredAt":"2026-03-01T09:55:00Z"},"pending":{"kind":"waitForEvent","nodeId":"await-order","eventId":"order.placed","timeoutAt":"2026-03-01T11:00:00+00:00"}}""",
            """{"kind":"eventReceived","eventId":"order.placed","event":{"id":"o9","cart":{"id":"other"}}}""",
            "2026-03-01T10:01:00.0000000+00:00",
            """{"journeyId":"cart","version":1,"profileId":"p1","instanceId":"i1","status":"active","node":"await-order","waiting":"event","wakeAt":"2026-03-01T11:00:00+00:00","startedAt":"2026-03-01T10:00:00+00:00","deadline":"2026-05-31T10:00:00+00:00","sequence":3,"visits":{"await-order":1},"entry":{"id":"e1","type":"cart.abandoned","customer":{"id":"p1","email":"ann@example.com","tier":"Gold"},"cart":{"id":"c1","total":80},"occurredAt":"2026-03-01T09:55:00Z"},"pending":{"kind":"waitForEvent","nodeId":"await-order","eventId":"order.placed","timeoutAt":"2026-03-01T11:00:00+00:00"}}""",
            """{"kind":"none"}""",
            """[]"""),
        new StoredCase(
            "spec",
            """{"journeyId":"cart","version":1,"profileId":"p1","instanceId":"i1","status":"active","node":"await-order","waiting":"event","wakeAt":"2026-03-01T11:00:00+00:00","startedAt":"2026-03-01T10:00:00+00:00","deadline":"2026-05-31T10:00:00+00:00","sequence":3,"visits":{"await-order":1},"entry":{"id":"e1","type":"cart.abandoned","customer":{"id":"p1","email":"ann@example.com","tier":"Gold"},"cart":{"id":"c1","total":80},"occurredAt":"2026-03-01T09:55:00Z"},"pending":{"kind":"waitForEvent","nodeId":"await-order","eventId":"order.placed","timeoutAt":"2026-03-01T11:00:00+00:00"}}""",
            """{"kind":"timerFired","wakeAt":"2026-03-01T11:00:00+00:00"}""",
            "2026-03-01T11:00:00.0000000+00:00",
            """{"journeyId":"cart","version":1,"profileId":"p1","instanceId":"i1","status":"active","node":"tier-check","waiting":"data","startedAt":"2026-03-01T10:00:00+00:00","deadline":"2026-05-31T10:00:00+00:00","sequence":7,"visits":{"await-order":1,"tier-check":1},"entry":{"id":"e1","type":"cart.abandoned","customer":{"id":"p1","email":"ann@example.com","tier":"Gold"},"cart":{"id":"c1","total":80},"occurredAt":"2026-03-01T09:55:00Z"},"pendingData":[{"source":"loyalty","group":"tier"}],"pending":{"kind":"fetchData","nodeId":"tier-check","source":"loyalty","group":"tier","method":"GET","path":"/members/p1","cacheSeconds":300}}""",
            """{"kind":"fetchData","nodeId":"tier-check","source":"loyalty","group":"tier","method":"GET","path":"/members/p1","cacheSeconds":300}""",
            """[{"sequence":4,"kind":"resumed","node":"await-order","at":"2026-03-01T11:00:00+00:00","outcome":"timeout"},{"sequence":5,"kind":"exited","node":"await-order","at":"2026-03-01T11:00:00+00:00","branch":"timeout","target":"tier-check"},{"sequence":6,"kind":"entered","node":"tier-check","at":"2026-03-01T11:00:00+00:00"},{"sequence":7,"kind":"waiting","node":"tier-check","at":"2026-03-01T11:00:00+00:00","outcome":"data"}]"""),
        new StoredCase(
            "spec",
            """{"journeyId":"cart","version":1,"profileId":"p1","instanceId":"i1","status":"active","node":"tier-check","waiting":"data","startedAt":"2026-03-01T10:00:00+00:00","deadline":"2026-05-31T10:00:00+00:00","sequence":7,"visits":{"await-order":1,"tier-check":1},"entry":{"id":"e1","type":"cart.abandoned","customer":{"id":"p1","email":"ann@example.com","tier":"Gold"},"cart":{"id":"c1","total":80},"occurredAt":"2026-03-01T09:55:00Z"},"pendingData":[{"source":"loyalty","group":"tier"}],"pending":{"kind":"fetchData","nodeId":"tier-check","source":"loyalty","group":"tier","method":"GET","path":"/members/p1","cacheSeconds":300}}""",
            """{"kind":"dataFetched","source":"loyalty","group":"tier","body":{"tier":"gold","points":1}}""",
            "2026-03-01T11:00:00.0000000+00:00",
            """{"journeyId":"cart","version":1,"profileId":"p1","instanceId":"i1","status":"active","node":"vip-email","waiting":"action","startedAt":"2026-03-01T10:00:00+00:00","deadline":"2026-05-31T10:00:00+00:00","sequence":12,"visits":{"await-order":1,"tier-check":1,"vip-email":1},"entry":{"id":"e1","type":"cart.abandoned","customer":{"id":"p1","email":"ann@example.com","tier":"Gold"},"cart":{"id":"c1","total":80},"occurredAt":"2026-03-01T09:55:00Z"},"data":{"loyalty":{"tier":{"tier":"gold","points":1}}},"dataFetchedAt":[{"source":"loyalty","group":"tier","fetchedAt":"2026-03-01T11:00:00+00:00"}],"pending":{"kind":"callAction","nodeId":"vip-email","actionId":"send-email","params":{"email":"ann@example.com","total":72},"idempotencyKey":"i1:vip-email:1"}}""",
            """{"kind":"callAction","nodeId":"vip-email","actionId":"send-email","params":{"email":"ann@example.com","total":72},"idempotencyKey":"i1:vip-email:1"}""",
            """[{"sequence":8,"kind":"resumed","node":"tier-check","at":"2026-03-01T11:00:00+00:00","outcome":"data"},{"sequence":9,"kind":"dataFetched","node":"tier-check","at":"2026-03-01T11:00:00+00:00","outcome":"loyalty.tier"},{"sequence":10,"kind":"exited","node":"tier-check","at":"2026-03-01T11:00:00+00:00","branch":"0","target":"vip-email"},{"sequence":11,"kind":"entered","node":"vip-email","at":"2026-03-01T11:00:00+00:00"},{"sequence":12,"kind":"waiting","node":"vip-email","at":"2026-03-01T11:00:00+00:00","outcome":"action"}]"""),
        new StoredCase(
            "spec",
            """{"journeyId":"cart","version":1,"profileId":"p1","instanceId":"i1","status":"active","node":"vip-email","waiting":"action","startedAt":"2026-03-01T10:00:00+00:00","deadline":"2026-05-31T10:00:00+00:00","sequence":12,"visits":{"await-order":1,"tier-check":1,"vip-email":1},"entry":{"id":"e1","type":"cart.abandoned","customer":{"id":"p1","email":"ann@example.com","tier":"Gold"},"cart":{"id":"c1","total":80},"occurredAt":"2026-03-01T09:55:00Z"},"data":{"loyalty":{"tier":{"tier":"gold","points":1}}},"dataFetchedAt":[{"source":"loyalty","group":"tier","fetchedAt":"2026-03-01T11:00:00+00:00"}],"pending":{"kind":"callAction","nodeId":"vip-email","actionId":"send-email","params":{"email":"ann@example.com","total":72},"idempotencyKey":"i1:vip-email:1"}}""",
            """{"kind":"actionCompleted","idempotencyKey":"i1:vip-email:1","status":"ok","statusCode":200,"body":{"messageId":"m"},"latencyMs":12}""",
            "2026-03-01T11:00:00.0000000+00:00",
            """{"journeyId":"cart","version":1,"profileId":"p1","instanceId":"i1","status":"completed","node":"done","waiting":"none","startedAt":"2026-03-01T10:00:00+00:00","deadline":"2026-05-31T10:00:00+00:00","endedAt":"2026-03-01T11:00:00+00:00","sequence":18,"visits":{"await-order":1,"done":1,"tier-check":1,"vip-email":1},"entry":{"id":"e1","type":"cart.abandoned","customer":{"id":"p1","email":"ann@example.com","tier":"Gold"},"cart":{"id":"c1","total":80},"occurredAt":"2026-03-01T09:55:00Z"},"actionResults":{"vip-email":{"status":"ok","statusCode":200,"body":{"messageId":"m"}}},"data":{"loyalty":{"tier":{"tier":"gold","points":1}}},"dataFetchedAt":[{"source":"loyalty","group":"tier","fetchedAt":"2026-03-01T11:00:00+00:00"}]}""",
            """{"kind":"complete","status":"completed"}""",
            """[{"sequence":13,"kind":"resumed","node":"vip-email","at":"2026-03-01T11:00:00+00:00","outcome":"action"},{"sequence":14,"kind":"actionResult","node":"vip-email","at":"2026-03-01T11:00:00+00:00","outcome":"ok","message":"action \u0027send-email\u0027","statusCode":200,"latencyMs":12},{"sequence":15,"kind":"exited","node":"vip-email","at":"2026-03-01T11:00:00+00:00","branch":"next","target":"done"},{"sequence":16,"kind":"entered","node":"done","at":"2026-03-01T11:00:00+00:00"},{"sequence":17,"kind":"exited","node":"done","at":"2026-03-01T11:00:00+00:00"},{"sequence":18,"kind":"ended","node":"done","at":"2026-03-01T11:00:00+00:00","outcome":"completed"}]"""),
        new StoredCase(
            "loop",
            null,
            """{"kind":"start","entry":{"id":"e1","type":"cart.abandoned","customer":{"id":"p1","email":"ann@example.com","tier":"Gold"},"cart":{"id":"c1","total":80},"occurredAt":"2026-03-01T09:55:00Z"},"profileId":"p7","instanceId":"i7"}""",
            "2026-03-01T10:00:00.0000000+00:00",
            """{"journeyId":"loop","version":1,"profileId":"p7","instanceId":"i7","status":"active","node":"send","waiting":"action","startedAt":"2026-03-01T10:00:00+00:00","deadline":"2026-05-31T10:00:00+00:00","sequence":5,"visits":{"ab":1,"send":1},"entry":{"id":"e1","type":"cart.abandoned","customer":{"id":"p1","email":"ann@example.com","tier":"Gold"},"cart":{"id":"c1","total":80},"occurredAt":"2026-03-01T09:55:00Z"},"pending":{"kind":"callAction","nodeId":"send","actionId":"send-email","params":{"email":"ann@example.com","total":0},"idempotencyKey":"i7:send:1"}}""",
            """{"kind":"callAction","nodeId":"send","actionId":"send-email","params":{"email":"ann@example.com","total":0},"idempotencyKey":"i7:send:1"}""",
            """[{"sequence":1,"kind":"started","at":"2026-03-01T10:00:00+00:00","outcome":"ab"},{"sequence":2,"kind":"entered","node":"ab","at":"2026-03-01T10:00:00+00:00"},{"sequence":3,"kind":"exited","node":"ab","at":"2026-03-01T10:00:00+00:00","branch":"0","target":"send"},{"sequence":4,"kind":"entered","node":"send","at":"2026-03-01T10:00:00+00:00"},{"sequence":5,"kind":"waiting","node":"send","at":"2026-03-01T10:00:00+00:00","outcome":"action"}]"""),
        new StoredCase(
            "loop",
            """{"journeyId":"loop","version":1,"profileId":"p7","instanceId":"i7","status":"active","node":"send","waiting":"action","startedAt":"2026-03-01T10:00:00+00:00","deadline":"2026-05-31T10:00:00+00:00","sequence":5,"visits":{"ab":1,"send":1},"entry":{"id":"e1","type":"cart.abandoned","customer":{"id":"p1","email":"ann@example.com","tier":"Gold"},"cart":{"id":"c1","total":80},"occurredAt":"2026-03-01T09:55:00Z"},"pending":{"kind":"callAction","nodeId":"send","actionId":"send-email","params":{"email":"ann@example.com","total":0},"idempotencyKey":"i7:send:1"}}""",
            """{"kind":"actionCompleted","idempotencyKey":"i7:send:1","status":"error","statusCode":503,"body":{"e":1},"latencyMs":12}""",
            "2026-03-01T10:00:01.0000000+00:00",
            """{"journeyId":"loop","version":1,"profileId":"p7","instanceId":"i7","status":"active","node":"pause","waiting":"timer","wakeAt":"2026-03-01T11:00:01+00:00","startedAt":"2026-03-01T10:00:00+00:00","deadline":"2026-05-31T10:00:00+00:00","sequence":10,"visits":{"ab":1,"pause":1,"send":1},"entry":{"id":"e1","type":"cart.abandoned","customer":{"id":"p1","email":"ann@example.com","tier":"Gold"},"cart":{"id":"c1","total":80},"occurredAt":"2026-03-01T09:55:00Z"},"actionResults":{"send":{"status":"error","statusCode":503,"body":{"e":1}}},"pending":{"kind":"startTimer","nodeId":"pause","wakeAt":"2026-03-01T11:00:01+00:00"}}""",
            """{"kind":"startTimer","nodeId":"pause","wakeAt":"2026-03-01T11:00:01+00:00"}""",
            """[{"sequence":6,"kind":"resumed","node":"send","at":"2026-03-01T10:00:01+00:00","outcome":"action"},{"sequence":7,"kind":"actionResult","node":"send","at":"2026-03-01T10:00:01+00:00","outcome":"error","message":"action \u0027send-email\u0027","statusCode":503,"latencyMs":12},{"sequence":8,"kind":"exited","node":"send","at":"2026-03-01T10:00:01+00:00","branch":"error","target":"pause"},{"sequence":9,"kind":"entered","node":"pause","at":"2026-03-01T10:00:01+00:00"},{"sequence":10,"kind":"waiting","node":"pause","at":"2026-03-01T10:00:01+00:00","outcome":"timer"}]"""),
        new StoredCase(
            "loop",
            """{"journeyId":"loop","version":1,"profileId":"p7","instanceId":"i7","status":"active","node":"pause","waiting":"timer","wakeAt":"2026-03-01T11:00:01+00:00","startedAt":"2026-03-01T10:00:00+00:00","deadline":"2026-05-31T10:00:00+00:00","sequence":10,"visits":{"ab":1,"pause":1,"send":1},"entry":{"id":"e1","type":"cart.abandoned","customer":{"id":"p1","email":"ann@example.com","tier":"Gold"},"cart":{"id":"c1","total":80},"occurredAt":"2026-03-01T09:55:00Z"},"actionResults":{"send":{"status":"error","statusCode":503,"body":{"e":1}}},"pending":{"kind":"startTimer","nodeId":"pause","wakeAt":"2026-03-01T11:00:01+00:00"}}""",
            """{"kind":"timerFired","wakeAt":"2026-03-01T11:00:01+00:00"}""",
            "2026-03-01T11:00:01.0000000+00:00",
            """{"journeyId":"loop","version":1,"profileId":"p7","instanceId":"i7","status":"active","node":"w","waiting":"event","wakeAt":"2026-05-31T10:00:00+00:00","startedAt":"2026-03-01T10:00:00+00:00","deadline":"2026-05-31T10:00:00+00:00","sequence":14,"visits":{"ab":1,"pause":1,"send":1,"w":1},"entry":{"id":"e1","type":"cart.abandoned","customer":{"id":"p1","email":"ann@example.com","tier":"Gold"},"cart":{"id":"c1","total":80},"occurredAt":"2026-03-01T09:55:00Z"},"actionResults":{"send":{"status":"error","statusCode":503,"body":{"e":1}}},"pending":{"kind":"waitForEvent","nodeId":"w","eventId":"order.placed","timeoutAt":"2026-05-31T10:00:00+00:00"}}""",
            """{"kind":"waitForEvent","nodeId":"w","eventId":"order.placed","timeoutAt":"2026-05-31T10:00:00+00:00"}""",
            """[{"sequence":11,"kind":"resumed","node":"pause","at":"2026-03-01T11:00:01+00:00","outcome":"timer"},{"sequence":12,"kind":"exited","node":"pause","at":"2026-03-01T11:00:01+00:00","branch":"next","target":"w"},{"sequence":13,"kind":"entered","node":"w","at":"2026-03-01T11:00:01+00:00"},{"sequence":14,"kind":"waiting","node":"w","at":"2026-03-01T11:00:01+00:00","outcome":"event"}]"""),
        new StoredCase(
            "loop",
            """{"journeyId":"loop","version":1,"profileId":"p7","instanceId":"i7","status":"active","node":"w","waiting":"event","wakeAt":"2026-05-31T10:00:00+00:00","startedAt":"2026-03-01T10:00:00+00:00","deadline":"2026-05-31T10:00:00+00:00","sequence":14,"visits":{"ab":1,"pause":1,"send":1,"w":1},"entry":{"id":"e1","type":"cart.abandoned","customer":{"id":"p1","email":"ann@example.com","tier":"Gold"},"cart":{"id":"c1","total":80},"occurredAt":"2026-03-01T09:55:00Z"},"actionResults":{"send":{"status":"error","statusCode":503,"body":{"e":1}}},"pending":{"kind":"waitForEvent","nodeId":"w","eventId":"order.placed","timeoutAt":"2026-05-31T10:00:00+00:00"}}""",
            """{"kind":"eventReceived","eventId":"order.placed","event":{"id":"o1","cart":{"id":"c1"}}}""",
            "2026-03-01T12:00:00.0000000+00:00",
            """{"journeyId":"loop","version":1,"profileId":"p7","instanceId":"i7","status":"active","node":"send","waiting":"action","startedAt":"2026-03-01T10:00:00+00:00","deadline":"2026-05-31T10:00:00+00:00","sequence":18,"visits":{"ab":1,"pause":1,"send":2,"w":1},"entry":{"id":"e1","type":"cart.abandoned","customer":{"id":"p1","email":"ann@example.com","tier":"Gold"},"cart":{"id":"c1","total":80},"occurredAt":"2026-03-01T09:55:00Z"},"receivedEvents":{"w":{"id":"o1","cart":{"id":"c1"}}},"actionResults":{"send":{"status":"error","statusCode":503,"body":{"e":1}}},"pending":{"kind":"callAction","nodeId":"send","actionId":"send-email","params":{"email":"ann@example.com","total":503},"idempotencyKey":"i7:send:2"}}""",
            """{"kind":"callAction","nodeId":"send","actionId":"send-email","params":{"email":"ann@example.com","total":503},"idempotencyKey":"i7:send:2"}""",
            """[{"sequence":15,"kind":"resumed","node":"w","at":"2026-03-01T12:00:00+00:00","outcome":"event"},{"sequence":16,"kind":"exited","node":"w","at":"2026-03-01T12:00:00+00:00","branch":"next","target":"send"},{"sequence":17,"kind":"entered","node":"send","at":"2026-03-01T12:00:00+00:00"},{"sequence":18,"kind":"waiting","node":"send","at":"2026-03-01T12:00:00+00:00","outcome":"action"}]"""),
        new StoredCase(
            "loop",
            """{"journeyId":"loop","version":1,"profileId":"p7","instanceId":"i7","status":"active","node":"send","waiting":"action","startedAt":"2026-03-01T10:00:00+00:00","deadline":"2026-05-31T10:00:00+00:00","sequence":18,"visits":{"ab":1,"pause":1,"send":2,"w":1},"entry":{"id":"e1","type":"cart.abandoned","customer":{"id":"p1","email":"ann@example.com","tier":"Gold"},"cart":{"id":"c1","total":80},"occurredAt":"2026-03-01T09:55:00Z"},"receivedEvents":{"w":{"id":"o1","cart":{"id":"c1"}}},"actionResults":{"send":{"status":"error","statusCode":503,"body":{"e":1}}},"pending":{"kind":"callAction","nodeId":"send","actionId":"send-email","params":{"email":"ann@example.com","total":503},"idempotencyKey":"i7:send:2"}}""",
            """{"kind":"actionCompleted","idempotencyKey":"i7:send:2","status":"ok","statusCode":200,"body":{"messageId":"m2"},"latencyMs":7}""",
            "2026-03-01T12:00:00.0000000+00:00",
            """{"journeyId":"loop","version":1,"profileId":"p7","instanceId":"i7","status":"completed","node":"done","waiting":"none","startedAt":"2026-03-01T10:00:00+00:00","deadline":"2026-05-31T10:00:00+00:00","endedAt":"2026-03-01T12:00:00+00:00","sequence":24,"visits":{"ab":1,"done":1,"pause":1,"send":2,"w":1},"entry":{"id":"e1","type":"cart.abandoned","customer":{"id":"p1","email":"ann@example.com","tier":"Gold"},"cart":{"id":"c1","total":80},"occurredAt":"2026-03-01T09:55:00Z"},"receivedEvents":{"w":{"id":"o1","cart":{"id":"c1"}}},"actionResults":{"send":{"status":"ok","statusCode":200,"body":{"messageId":"m2"}}}}""",
            """{"kind":"complete","status":"completed"}""",
            """[{"sequence":19,"kind":"resumed","node":"send","at":"2026-03-01T12:00:00+00:00","outcome":"action"},{"sequence":20,"kind":"actionResult","node":"send","at":"2026-03-01T12:00:00+00:00","outcome":"ok","message":"action \u0027send-email\u0027","statusCode":200,"latencyMs":7},{"sequence":21,"kind":"exited","node":"send","at":"2026-03-01T12:00:00+00:00","branch":"next","target":"done"},{"sequence":22,"kind":"entered","node":"done","at":"2026-03-01T12:00:00+00:00"},{"sequence":23,"kind":"exited","node":"done","at":"2026-03-01T12:00:00+00:00"},{"sequence":24,"kind":"ended","node":"done","at":"2026-03-01T12:00:00+00:00","outcome":"completed"}]"""),
    ];

    [Theory]
    [MemberData(nameof(CaseIndexes))]
    public void A_state_stored_by_the_previous_stepper_steps_to_the_same_bytes(int index)
    {
        var stored = Cases[index];
        var journey = stored.Journey == "spec" ? Compile(AbandonedCartTests.SpecJourney) : Compile(LoopJourney, "loop");
        var state = stored.State is null ? null : ExecutionJson.DeserializeState(Encoding.UTF8.GetBytes(stored.State));
        var input = ExecutionJson.DeserializeInput(Encoding.UTF8.GetBytes(stored.Input))!;
        var now = DateTimeOffset.Parse(stored.Now, CultureInfo.InvariantCulture);

        var result = JourneyStepper.Step(journey, state, input, now);

        Assert.Equal(stored.NewState, Encoding.UTF8.GetString(ExecutionJson.Serialize(result.NewState)));
        Assert.Equal(stored.Command, Encoding.UTF8.GetString(ExecutionJson.Serialize(result.Command)));
        Assert.Equal(stored.Events, Encoding.UTF8.GetString(ExecutionJson.Serialize(result.Events)));
    }

    [Fact]
    public void A_stored_state_reads_back_to_the_same_bytes()
    {
        foreach (var stored in Cases.Where(c => c.State is not null))
        {
            var state = ExecutionJson.DeserializeState(Encoding.UTF8.GetBytes(stored.State!))!;
            Assert.Equal(stored.State, Encoding.UTF8.GetString(ExecutionJson.Serialize(state)));
        }
    }

    [Fact]
    public void Visit_counts_held_in_any_dictionary_order_are_written_in_ordinal_order()
    {
        // The loop instance parked at "pause", as a host might rebuild it with an unsorted dictionary.
        var parked = Cases.First(c => c.Journey == "loop" && c.Input.Contains("timerFired", StringComparison.Ordinal));
        var state = ExecutionJson.DeserializeState(Encoding.UTF8.GetBytes(parked.State!))! with
        {
            Visits = new Dictionary<string, int>(StringComparer.Ordinal) { ["send"] = 1, ["pause"] = 1, ["ab"] = 1 },
        };

        var result = JourneyStepper.Step(Compile(LoopJourney, "loop"), state, new TimerFiredInput(T0.AddHours(1).AddSeconds(1)), T0.AddHours(1).AddSeconds(1));

        Assert.Equal(["ab", "pause", "send", "w"], result.NewState.Visits.Keys);
        Assert.Contains("\"visits\":{\"ab\":1,\"pause\":1,\"send\":1,\"w\":1}", Encoding.UTF8.GetString(ExecutionJson.Serialize(result.NewState)), StringComparison.Ordinal);
    }

    private sealed record StoredCase(string Journey, string? State, string Input, string Now, string NewState, string Command, string Events);
}
