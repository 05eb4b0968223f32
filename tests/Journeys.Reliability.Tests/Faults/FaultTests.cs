using System.Collections.Concurrent;
using Journeys.Reliability.Tests.Support;
using Journeys.TestSupport.Connectors;

namespace Journeys.Reliability.Tests.Faults;

/// <summary>
/// Faults: action and data-source endpoints that fail in every way an HTTP service can, driven through the whole
/// engine of a real host (ingest → stepper → work queue → connector → stepper → report). Each case checks the
/// attempts the endpoint saw, the Idempotency-Key of every attempt, the recorded status, the branch, how the
/// instance ended and the report counters. Retries use the production backoff (200 ms base).
/// </summary>
public sealed class FaultTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private const int Profiles = 2;

    public static TheoryData<string> Cases => new(AllCases.Keys.Order(StringComparer.Ordinal));

    private static Dictionary<string, FaultCase> AllCases { get; } = new FaultCase[]
    {
        // Actions (maxRetries 2: at most 3 attempts). 5xx, 429, timeouts and resets are retried; other 4xx and bad bodies are not.
        new("a500", false, (_, _) => ScriptedReply.Status(500), 2000, HasErrorNext: true, 3, "error", 500, Errored: false, "error", null),
        new("a503then200", false, FirstThen(ScriptedReply.Status(503), Ok()), 2000, HasErrorNext: false, 2, "ok", 200, Errored: false, "next", null),
        new("a429then200", false, FirstThen(ScriptedReply.Status(429) with { Headers = new Dictionary<string, string> { ["Retry-After"] = "0" } }, Ok()), 2000, HasErrorNext: false, 2, "ok", 200, Errored: false, "next", null),
        new("a401", false, (_, _) => ScriptedReply.Status(401), 2000, HasErrorNext: false, 1, "error", 401, Errored: true, null, "ACTION_FAILED"),
        new("a400", false, (_, _) => ScriptedReply.Json("""{ "error": "bad" }""", 400), 2000, HasErrorNext: true, 1, "error", 400, Errored: false, "error", null),
        new("atimeout", false, (_, _) => Ok() with { Delay = TimeSpan.FromMilliseconds(5000) }, 1000, HasErrorNext: true, 3, "timedout", null, Errored: false, "error", null),
        new("aslow", false, (_, _) => Ok() with { Delay = TimeSpan.FromMilliseconds(400) }, 3000, HasErrorNext: true, 1, "ok", 200, Errored: false, "next", null),
        new("areset", false, (_, _) => ScriptedReply.Drop, 2000, HasErrorNext: true, 3, "error", null, Errored: false, "error", null),
        new("aresetthen200", false, FirstThen(ScriptedReply.Drop, Ok()), 2000, HasErrorNext: false, 2, "ok", 200, Errored: false, "next", null),
        new("amalformed", false, (_, _) => ScriptedReply.Json("{ \"messageId\": ", 200), 2000, HasErrorNext: false, 1, "error", 200, Errored: true, null, "ACTION_FAILED"),
        new("awrongtype", false, (_, _) => ScriptedReply.Json("""{ "messageId": 42 }"""), 2000, HasErrorNext: true, 1, "error", 200, Errored: false, "error", null),

        // Data sources (2 retries): a failed fetch ends the instance errored, since a condition cannot be trusted on missing data.
        new("d500", true, (_, _) => ScriptedReply.Status(500), 2000, HasErrorNext: false, 3, null, null, Errored: true, null, "DATA_FETCH_FAILED"),
        new("d401", true, (_, _) => ScriptedReply.Status(401), 2000, HasErrorNext: false, 1, null, null, Errored: true, null, "DATA_FETCH_FAILED"),
        new("dtimeout", true, (_, _) => Level(5) with { Delay = TimeSpan.FromMilliseconds(5000) }, 1000, HasErrorNext: false, 3, null, null, Errored: true, null, "DATA_FETCH_FAILED"),
        new("dmalformed", true, (_, _) => new ScriptedReply { Body = "<html>busy</html>", ContentType = "text/html" }, 2000, HasErrorNext: false, 1, null, null, Errored: true, null, "DATA_FETCH_FAILED"),
        new("dresetthen200", true, FirstThen(ScriptedReply.Drop, Level(5)), 2000, HasErrorNext: false, 2, null, null, Errored: false, "branches[0]", null),
        new("d429then200", true, FirstThen(ScriptedReply.Status(429) with { Headers = new Dictionary<string, string> { ["Retry-After"] = "0" } }, Level(0)), 2000, HasErrorNext: false, 2, null, null, Errored: false, "otherwise", null),
    }.ToDictionary(c => c.Name, StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_faulty_endpoint_gets_the_right_attempts_status_branch_and_counters(string name)
    {
        var fault = AllCases[name];
        var api = fixture.Host.Api;
        await using var server = LoopbackServer.Start(fault.Script);
        await DefineAsync(api, fault, server);

        var ingested = await api.IngestAsync(Enumerable.Range(1, Profiles).Select(p => $$"""{ "id": "{{name}}-e{{p}}", "type": "probe-{{name}}", "profile": "{{name}}-p{{p}}" }"""));
        Assert.All(ingested.Results, r => Assert.Equal(["fault-" + name], r.Entered));
        var report = await Bounded.UntilAsync(
            () => api.ReportAsync("fault-" + name),
            r => r.Versions[0].Active == 0,
            TimeSpan.FromSeconds(30),
            $"{name}: both instances finishing");

        // Attempts at the endpoint, per instance, all with the instance's one key.
        var byInstance = server.Requests.GroupBy(r => fault.IsDataSource ? r.PathAndQuery : r.Body, StringComparer.Ordinal).ToList();
        Assert.Equal(Profiles, byInstance.Count);
        Assert.All(byInstance, attempts =>
        {
            Assert.Equal(fault.AttemptsPerInstance, attempts.Count());
            if (!fault.IsDataSource)
            {
                var key = Assert.Single(attempts.Select(a => a.Header("Idempotency-Key")).Distinct(StringComparer.Ordinal));
                Assert.False(string.IsNullOrEmpty(key));
            }
        });

        var version = Assert.Single(report.Versions);
        Assert.Equal((Profiles, 0L), (version.Entered, version.Active));
        Assert.Equal(fault.Errored ? (0L, (long)Profiles) : (Profiles, 0L), (version.Completed, version.Errored));
        var node = version.Nodes[fault.IsDataSource ? "check" : "call"];
        Assert.Equal(fault.Errored ? Profiles : 0, node.Errors);
        Assert.Equal((long)Profiles, node.Exited);
        Assert.Equal(0L, node.Waiting);
        if (fault.Branch is null)
        {
            Assert.Empty(node.Branches);
        }
        else
        {
            Assert.Equal(new Dictionary<string, long> { [fault.Branch] = Profiles }, node.Branches);
        }

        if (!fault.IsDataSource)
        {
            Assert.Equal((long)Profiles, node.Actions?.Calls);
        }

        var steps = (await api.InstanceAsync("fault-" + name, name + "-p1"))["steps"]!.AsArray();
        if (fault.ActionStatus is not null)
        {
            var result = Assert.Single(steps, s => (string?)s!["kind"] == "actionResult")!;
            Assert.Equal(fault.ActionStatus, (string?)result["outcome"]);
            Assert.Equal(fault.StatusCode, (int?)result["statusCode"]);
        }

        if (fault.ErrorCode is not null)
        {
            var error = Assert.Single(steps, s => (string?)s!["kind"] == "error")!;
            Assert.Equal(fault.ErrorCode, (string?)error["code"]);
        }
        else
        {
            Assert.DoesNotContain(steps, s => (string?)s!["kind"] == "error");
        }
    }

    [Fact]
    public async Task A_slow_action_reports_its_latency()
    {
        var api = fixture.Host.Api;
        var fault = AllCases["aslow"] with { Name = "latency" };
        await using var server = LoopbackServer.Start(fault.Script);
        await DefineAsync(api, fault, server);
        await api.IngestAsync([$$"""{ "id": "latency-e1", "type": "probe-latency", "profile": "latency-p1" }"""]);
        var report = await Bounded.UntilAsync(() => api.ReportAsync("fault-latency"), r => r.Versions[0].Active == 0, TimeSpan.FromSeconds(30), "the slow call finishing");

        var calls = report.Versions[0].Nodes["call"].Actions!;
        Assert.Equal(1, calls.Calls);
        // The endpoint holds each answer 400 ms; the host measures from its side of the socket (timer granularity: a few ms).
        Assert.InRange(calls.MaxMs, 380, 3000);
    }

    private static async Task DefineAsync(JourneysApiClient api, FaultCase fault, LoopbackServer server)
    {
        var name = fault.Name;
        await api.PutOkAsync($"/api/events/probe-{name}", $$"""
            { "match": "type == 'probe-{{name}}'", "profileId": "profile", "eventKey": "id",
              "fields": { "id": "string", "type": "string", "profile": "string" }, "required": ["id", "profile"] }
            """);
        if (fault.IsDataSource)
        {
            await api.PutOkAsync($"/api/datasources/ds{name}", $$"""
                { "baseUrl": "{{server.BaseUri.ToString().TrimEnd('/')}}", "timeoutMs": {{fault.TimeoutMs}}, "rateLimitPerSecond": 100,
                  "fieldGroups": { "info": { "method": "GET", "path": "/info/{profile.id}", "fields": { "level": "number" } } } }
                """);
            await api.PutOkAsync($"/api/journeys/fault-{name}", $$"""
                { "name": "fault {{name}}", "entry": "probe-{{name}}", "start": "check",
                  "nodes": {
                    "check": { "type": "condition", "branches": [ { "when": "data.ds{{name}}.info.level >= 1", "next": "high" } ], "otherwise": "low" },
                    "high": { "type": "end" }, "low": { "type": "end" } } }
                """);
        }
        else
        {
            await api.PutOkAsync($"/api/actions/act-{name}", $$$"""
                { "method": "POST", "url": "{{{server.Url("/call")}}}", "params": { "who": "string" }, "body": { "who": "{{params.who}}" },
                  "timeoutMs": {{{fault.TimeoutMs}}}, "maxRetries": 2, "responseFields": { "messageId": "string" } }
                """);
            var errorNext = fault.HasErrorNext ? """, "errorNext": "failed" """ : string.Empty;
            var failedNode = fault.HasErrorNext ? """, "failed": { "type": "end" }""" : string.Empty;
            await api.PutOkAsync($"/api/journeys/fault-{name}", $$"""
                { "name": "fault {{name}}", "entry": "probe-{{name}}", "start": "call",
                  "nodes": {
                    "call": { "type": "action", "action": "act-{{name}}", "params": { "who": "entry.profile" }, "next": "sent"{{errorNext}} },
                    "sent": { "type": "end" }{{failedNode}} } }
                """);
        }

        await api.PublishAsync("fault-" + name);
    }

    private static ScriptedReply Ok() => ScriptedReply.Json("""{ "messageId": "m-1" }""");

    private static ScriptedReply Level(int level) => ScriptedReply.Json($$"""{ "level": {{level}} }""");

    /// <summary>The first attempt of each call (by Idempotency-Key, or by path for data) gets <paramref name="first"/>, later ones <paramref name="then"/>.</summary>
    private static Func<RecordedRequest, int, ScriptedReply> FirstThen(ScriptedReply first, ScriptedReply then)
    {
        var seen = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        return (request, _) => seen.AddOrUpdate(request.Header("Idempotency-Key") ?? request.PathAndQuery, 1, (_, n) => n + 1) == 1 ? first : then;
    }
}
