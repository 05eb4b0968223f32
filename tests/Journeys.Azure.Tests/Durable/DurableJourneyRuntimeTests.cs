using System.Text.Json;
using Journeys.Azure.Durable;
using Journeys.Embedded.Engine;
using Journeys.Runtime.Hosting;
using Journeys.Runtime.Reporting;
using Journeys.Runtime.Routing;
using Journeys.TestSupport.Connectors;
using Moq;

namespace Journeys.Azure.Tests.Durable;

/// <summary>What the Azure host's HTTP API serves: ingestion, report, health; and the routing table's refresh.</summary>
public sealed class DurableJourneyRuntimeTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 1, 15, 10, 0, 0, TimeSpan.Zero);

    private readonly InMemoryCounterStore counters = new();
    private readonly FakeInstanceGateway instances = new();
    private readonly InMemoryInstanceRecordStore records = new();
    private readonly ManualClock clock = new(Now);
    private CartCatalog catalog = null!;

    public async Task InitializeAsync() => catalog = await CartCatalog.CreateAsync();

    public Task DisposeAsync()
    {
        catalog.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_report_is_built_from_the_stored_counters()
    {
        counters.Counters[new CounterKey("abandoned-cart", 1, "", "entered")] = 5;
        counters.Counters[new CounterKey("abandoned-cart", 1, "", "completed")] = 2;
        counters.Counters[new CounterKey("abandoned-cart", 1, "await-order", "waiting")] = 3;

        var report = await Runtime(Mock.Of<IStorageProbe>()).GetReportAsync("abandoned-cart");

        var version = Assert.Single(report!.Versions);
        Assert.Equal(5, version.Entered);
        Assert.Equal(3, version.Active);
        Assert.Equal(3, version.Nodes["await-order"].Waiting);
    }

    [Fact]
    public async Task An_unknown_journey_has_no_report()
    {
        Assert.Null(await Runtime(Mock.Of<IStorageProbe>()).GetReportAsync("nope"));
    }

    [Fact]
    public async Task Http_ingestion_routes_through_the_same_azure_context()
    {
        using var document = JsonDocument.Parse("""{ "id": "e1", "type": "cart.abandoned", "customer": { "id": "c-9" }, "cart": { "id": "k", "total": 1 } }""");

        var results = await Runtime(Mock.Of<IStorageProbe>()).IngestAsync([document.RootElement]);

        Assert.Equal(["abandoned-cart"], Assert.Single(results).Entered);
        Assert.Equal(InstanceIds.For("abandoned-cart", "c-9"), Assert.Single(instances.Starts).InstanceId);
    }

    [Fact]
    public async Task Health_reports_storage_unreachable_when_the_probe_throws()
    {
        var probe = new Mock<IStorageProbe>();
        probe.Setup(p => p.ProbeAsync(It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("403 from the table service"));

        var health = await Runtime(probe.Object).CheckHealthAsync();

        Assert.Equal(new HealthReport("degraded", false, "403 from the table service"), health);
        Assert.Equal(new HealthReport("ok", true) { UnmatchedEvents = 0 }, await Runtime(Mock.Of<IStorageProbe>()).CheckHealthAsync());
    }

    [Fact]
    public async Task The_routing_table_is_kept_until_it_is_older_than_its_max_age()
    {
        using var cache = new RoutingTableCache(catalog.Journeys, clock, TimeSpan.FromSeconds(30));

        var first = await cache.GetAsync();
        clock.Advance(TimeSpan.FromSeconds(29));
        var same = await cache.GetAsync();
        clock.Advance(TimeSpan.FromSeconds(1));
        var rebuilt = await cache.GetAsync();

        Assert.Same(first, same);
        Assert.NotSame(first, rebuilt);
    }

    [Fact]
    public async Task The_routing_table_is_rebuilt_at_once_after_a_lifecycle_change_in_this_process()
    {
        using var cache = new RoutingTableCache(catalog.Journeys, clock, TimeSpan.FromMinutes(5));
        var before = await cache.GetAsync();

        Assert.True((await catalog.Journeys.CloseAsync("abandoned-cart")).Succeeded);
        var after = await cache.GetAsync();

        Assert.Contains("cart.abandoned", before.EntriesByEvent.Keys);
        Assert.DoesNotContain("cart.abandoned", after.EntriesByEvent.Keys);
    }

    [Fact]
    public async Task The_instance_view_lists_at_most_ten_earlier_runs_newest_first_as_on_the_embedded_host()
    {
        for (var run = 0; run < 12; run++)
        {
            var started = Now.AddDays(run);
            await records.AppendAsync(
                new Journeys.Runtime.Orchestration.StepRecord
                {
                    JourneyId = "abandoned-cart",
                    Version = 1,
                    ProfileId = "c-1",
                    InstanceId = $"run-{run:D2}",
                    Status = Journeys.Core.Execution.InstanceStatus.Completed,
                    Node = "done",
                    WakeAt = started.AddHours(1),
                    StartedAt = started,
                    EndedAt = started.AddMinutes(5),
                    Events = [new Journeys.Core.Execution.StepEvent(1, Journeys.Core.Execution.StepEventKind.Ended, "done", started.AddMinutes(5)) { Outcome = "completed" }],
                },
                CancellationToken.None);
        }

        var view = await Runtime(Mock.Of<IStorageProbe>()).GetInstanceAsync("abandoned-cart", "c-1");

        Assert.Equal("run-11", view!.InstanceId);
        Assert.Null(view.WakeAt);
        Assert.Single(view.Steps);
        Assert.Equal(Enumerable.Range(1, 10).Select(n => $"run-{11 - n:D2}"), view.Previous.Select(p => p.InstanceId));
    }

    private IJourneyRuntime Runtime(IStorageProbe probe)
    {
        var ingestion = new AzureIngestion(new InMemoryEventKeyStore(), new InMemoryExitStore(), counters, new InMemoryDeadLetterStore(), clock);
        return new DurableJourneyRuntime(
            catalog.Journeys, new RoutingTableCache(catalog.Journeys, clock, TimeSpan.FromSeconds(30)), ingestion, counters, records, probe)
            .For(instances);
    }
}
