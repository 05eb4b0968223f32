using Journeys.Embedded.Engine;
using Journeys.Embedded.Tests.Engine;
using Journeys.Embedded.Storage;
using Journeys.Runtime.Catalog;
using Journeys.Runtime.Connectors;
using Journeys.Runtime.Hosting;
using Journeys.Runtime.Reporting;
using Journeys.TestSupport.Conformance;
using Journeys.TestSupport.Connectors;
using Journeys.TestSupport.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Journeys.Embedded.Tests.Conformance;

/// <summary>
/// The embedded engine as <c>journeys serve</c> wires it (a real SQLite file, the connectors' defaults, journey time
/// at scale 1 so that the suite's waits mean what they mean on Durable), with its services on one loopback server.
/// </summary>
internal sealed class EmbeddedHostUnderTest : IJourneyHostUnderTest
{
    private readonly TempDatabase folder;
    private readonly ServiceProvider connectors;
    private readonly JourneyEngine engine;

    private EmbeddedHostUnderTest(TempDatabase folder, ServiceProvider connectors, CatalogService catalog, JourneyEngine engine, LoopbackServer services)
    {
        this.folder = folder;
        this.connectors = connectors;
        this.engine = engine;
        Catalog = catalog;
        Services = services;
    }

    public CatalogService Catalog { get; }

    public IJourneyRuntime Runtime => engine;

    public LoopbackServer Services { get; }

    public static async Task<EmbeddedHostUnderTest> StartAsync(Func<RecordedRequest, int, ScriptedReply> script)
    {
        var folder = new TempDatabase();
        var database = folder.Open();
        var services = LoopbackServer.Start(script);
        var connectors = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(ConformanceCatalog.Secrets).Build())
            // A clock that stays in one minute for the cap only: a cap of 1 call per minute must not be reset by a
            // minute boundary in the middle of a scenario (the limiter's aligned windows are unit-tested apart).
            .AddSingleton<IActionCallLimiter>(new InMemoryActionCallLimiter(new ManualClock(DateTimeOffset.UnixEpoch)))
            .AddJourneyConnectors()
            .BuildServiceProvider();
        var relay = new LifecycleRelay();
        var catalog = new CatalogService(await SqliteCatalogStore.OpenAsync(database), observers: [relay]);
        var runtime = await SqliteRuntimeStore.OpenAsync(database);
        var engine = new JourneyEngine(
            runtime.OpenWriter, runtime, catalog, connectors.GetRequiredService<ActionInvoker>(), connectors.GetRequiredService<DataSourceClient>(),
            new EngineOptions { TimeScale = 1, MaxIdle = TimeSpan.FromMilliseconds(50) });
        relay.Target = engine;
        await engine.StartAsync();
        return new EmbeddedHostUnderTest(folder, connectors, catalog, engine, services);
    }

    /// <summary>The catalog notifies the engine (a lifecycle observer), which ends the stopped version's instances at once.</summary>
    public async Task StopJourneyAsync(string journeyId) => Assert.True((await Catalog.StopJourneyAsync(journeyId)).Succeeded);

    public async Task<InstanceView> WaitForEndAsync(string journeyId, string profileId, TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        InstanceView? view;
        while ((view = await engine.GetInstanceAsync(journeyId, profileId, timeout.Token)) is not { EndedAt: not null })
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
        }

        return view;
    }

    /// <summary>The embedded engine keeps an instance's state in one row: there are no generations.</summary>
    public Task<int?> GenerationAsync(string journeyId, string profileId) => Task.FromResult<int?>(null);

    public async ValueTask DisposeAsync()
    {
        await engine.DisposeAsync();
        await connectors.DisposeAsync();
        await Services.DisposeAsync();
        folder.Dispose(); // closes the database it opened
    }
}
