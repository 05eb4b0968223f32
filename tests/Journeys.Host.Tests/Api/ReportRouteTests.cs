using System.Net;
using Journeys.Core.Execution;
using Journeys.Host.Tests.Support;
using Journeys.Runtime.Reporting;
using Moq;

namespace Journeys.Host.Tests.Api;

/// <summary>Report, instance and health routes pass the runtime's answers through.</summary>
public sealed class ReportRouteTests
{
    [Fact]
    public async Task Report_passes_the_runtime_report_through()
    {
        await using var api = await ApiHost.StartAsync();
        var report = new JourneyReport("abandoned-cart",
        [
            new VersionReport
            {
                Version = 1, Entered = 10, Active = 2, Completed = 6, Errored = 1, Stopped = 0, TimedOut = 1,
                Discarded = new SortedDictionary<string, long>(StringComparer.Ordinal) { ["alreadyActive"] = 3 },
                Nodes = new SortedDictionary<string, NodeReport>(StringComparer.Ordinal)
                {
                    ["tier-check"] = new NodeReport
                    {
                        Entered = 4, Exited = 4,
                        Branches = new SortedDictionary<string, long>(StringComparer.Ordinal) { ["0"] = 1, ["otherwise"] = 3 },
                    },
                },
            },
        ]);
        api.Runtime!.Setup(r => r.GetReportAsync("abandoned-cart", It.IsAny<CancellationToken>())).ReturnsAsync(report);

        using var response = await api.Admin.GetAsync("/api/journeys/abandoned-cart/report");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(Responses.SameJson("""
            { "journey": "abandoned-cart", "versions": [ {
                "version": 1, "status": "live", "entered": 10, "active": 2, "completed": 6, "errored": 1, "stopped": 0, "timedOut": 1,
                "discarded": { "alreadyActive": 3 },
                "nodes": { "tier-check": { "entered": 4, "exited": 4, "errors": 0, "waiting": 0, "branches": { "0": 1, "otherwise": 3 } } } } ] }
            """, await response.JsonAsync()), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Report_is_404_when_the_runtime_knows_no_such_journey()
    {
        await using var api = await ApiHost.StartAsync();
        api.Runtime!.Setup(r => r.GetReportAsync("nope", It.IsAny<CancellationToken>())).ReturnsAsync((JourneyReport?)null);
        using var response = await api.Admin.GetAsync("/api/journeys/nope/report");
        Assert.Equal(["NOT_FOUND"], (await response.ProblemAsync(404)).Codes());
    }

    [Fact]
    public async Task Instance_passes_the_runtime_view_through_with_the_decoded_profile_id()
    {
        await using var api = await ApiHost.StartAsync();
        var at = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var view = new InstanceView
        {
            Journey = "abandoned-cart",
            ProfileId = "c 1/x",
            InstanceId = "i-1",
            Version = 1,
            Status = InstanceStatus.Active,
            Node = "await-order",
            Waiting = WaitKind.Event,
            WakeAt = at.AddHours(1),
            StartedAt = at,
            Steps = [new StepEvent(1, StepEventKind.Started, null, at), new StepEvent(2, StepEventKind.Entered, "await-order", at)],
        };
        api.Runtime!.Setup(r => r.GetInstanceAsync("abandoned-cart", "c 1/x", It.IsAny<CancellationToken>())).ReturnsAsync(view);

        using var response = await api.Admin.GetAsync("/api/journeys/abandoned-cart/instances/c%201%2Fx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("c 1/x", (string)body["profileId"]!);
        Assert.Equal("active", (string)body["status"]!);
        Assert.Equal("await-order", (string)body["node"]!);
        Assert.Equal("event", (string)body["waiting"]!);
        Assert.Equal(at.AddHours(1), (DateTimeOffset)body["wakeAt"]!);
        Assert.Equal(["started", "entered"], body["steps"]!.AsArray().Select(s => (string)s!["kind"]!));
    }

    [Fact]
    public async Task Instance_is_404_when_the_profile_never_entered()
    {
        await using var api = await ApiHost.StartAsync();
        api.Runtime!.Setup(r => r.GetInstanceAsync("abandoned-cart", "c9", It.IsAny<CancellationToken>())).ReturnsAsync((InstanceView?)null);
        using var response = await api.Admin.GetAsync("/api/journeys/abandoned-cart/instances/c9");
        await response.ProblemAsync(404);
    }

    [Theory]
    [InlineData("/api/journeys/abandoned-cart/report")]
    [InlineData("/api/journeys/abandoned-cart/instances/c1")]
    public async Task An_engine_that_is_not_running_makes_report_and_instance_503(string path)
    {
        await using var api = await ApiHost.StartAsync();
        var unavailable = new Journeys.Runtime.Hosting.EngineUnavailableException("The engine is not running.");
        api.Runtime!.Setup(r => r.GetReportAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ThrowsAsync(unavailable);
        api.Runtime.Setup(r => r.GetInstanceAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).ThrowsAsync(unavailable);
        using var response = await api.Admin.GetAsync(path);
        await response.ProblemAsync(503);
    }

    [Fact]
    public async Task Health_is_503_when_storage_does_not_answer()
    {
        await using var api = await ApiHost.StartAsync();
        api.Runtime!.Setup(r => r.CheckHealthAsync(It.IsAny<CancellationToken>())).ReturnsAsync(new HealthReport("unavailable", false, "disk gone"));
        using var response = await api.Anonymous.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.False((bool)(await response.JsonAsync())["storage"]!);
    }

    [Fact]
    public async Task Health_is_503_without_internals_when_the_check_throws()
    {
        await using var api = await ApiHost.StartAsync();
        api.Runtime!.Setup(r => r.CheckHealthAsync(It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("Data Source=/secret/path.db"));
        using var response = await api.Anonymous.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.DoesNotContain("/secret/path.db", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
