using System.Text.Json;
using Azure.Data.Tables;
using JourneyFunctions.Hosting;
using JourneyFunctions.Tests;
using JourneyFunctions.Tests.Durable.Work;
using Journeys.Azure.Durable;
using Journeys.Azure.Tables;
using Journeys.Core.Serialization;
using Journeys.Runtime.Bundles;
using Journeys.Runtime.Catalog;
using Journeys.Runtime.Ingestion;
using Journeys.Runtime.Reporting;
using Journeys.TestSupport.Azurite;
using Journeys.TestSupport.Catalog;
using Journeys.TestSupport.Conformance;
using Journeys.TestSupport.Connectors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyFunctions.Tests.Durable;

/// <summary>
/// One scenario's world: the app's services (its DI, Table stores on Azurite, emptied first), the samples published
/// with their services pointed at a loopback server and their waits shortened to seconds (Durable timers run in
/// real time: see docs/azure.md), and a Durable engine running the app's functions. Events go in through the same
/// ingestion as the Event Hubs trigger, with the engine's client.
/// </summary>
internal sealed class JourneyRun : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private readonly ServiceProvider app;

    private JourneyRun(ServiceProvider app, DurableEngine engine, LoopbackServer services)
    {
        this.app = app;
        Engine = engine;
        Services = services;
    }

    public DurableEngine Engine { get; }

    /// <summary>The loyalty, mailer and billing services of the samples, all on one loopback server.</summary>
    public LoopbackServer Services { get; }

    public CatalogUnderTest Catalog => CatalogUnderTest.From(app);

    public IInstanceGateway Instances => new DurableInstanceGateway(Engine.Client);

    /// <summary>What the HTTP functions serve: reports, instance views, ingestion (given the engine's client, <see cref="Instances"/>).</summary>
    public DurableJourneyRuntime Runtime => app.GetRequiredService<DurableJourneyRuntime>();

    /// <summary>
    /// Publishes the named sample journeys (their waits replaced by <paramref name="waits"/>: ISO duration → shorter
    /// ISO duration) and starts the engine.
    /// </summary>
    public static Task<JourneyRun> StartAsync(
        AzuriteFixture azurite, EngineKind kind, Func<RecordedRequest, int, ScriptedReply> script, IReadOnlyDictionary<string, string> waits, params string[] journeys) =>
        StartAsync(azurite, kind, script, configureApp: null, (catalog, services) => PublishAsync(catalog, services, waits, journeys));

    /// <summary>As above, with the engine running the orchestrator function through <paramref name="wrapOrchestrator"/>.</summary>
    public static Task<JourneyRun> StartAsync(
        AzuriteFixture azurite,
        EngineKind kind,
        Func<RecordedRequest, int, ScriptedReply> script,
        IReadOnlyDictionary<string, string> waits,
        OrchestratorWrapper? wrapOrchestrator,
        params string[] journeys) =>
        StartAsync(azurite, kind, script, configureApp: null, (catalog, services) => PublishAsync(catalog, services, waits, journeys), wrapOrchestrator);

    /// <summary>Same, on the Azure Storage backend, with every storage client and the backend counted by <paramref name="meter"/>.</summary>
    public static Task<JourneyRun> StartMeteredAsync(
        AzuriteFixture azurite, DurableWorkMeter meter, Func<RecordedRequest, int, ScriptedReply> script, IReadOnlyDictionary<string, string> waits, params string[] journeys) =>
        StartAsync(azurite, EngineKind.AzureStorage, script, configureApp: null, (catalog, services) => PublishAsync(catalog, services, waits, journeys), wrapOrchestrator: null, meter);

    /// <summary>
    /// The app with <paramref name="configureApp"/> applied after its own registrations (a test's replacement of a
    /// port wins), its catalog written by <paramref name="publish"/> before the engine starts, and the engine running
    /// the orchestrator function through <paramref name="wrapOrchestrator"/> when given.
    /// </summary>
    public static async Task<JourneyRun> StartAsync(
        AzuriteFixture azurite,
        EngineKind kind,
        Func<RecordedRequest, int, ScriptedReply> script,
        Action<IServiceCollection>? configureApp,
        Func<CatalogUnderTest, LoopbackServer, Task> publish,
        OrchestratorWrapper? wrapOrchestrator = null,
        DurableWorkMeter? meter = null)
    {
        ArgumentNullException.ThrowIfNull(publish);
        var tableService = new TableServiceClient(azurite.ConnectionString, meter?.Requests.Table(StorageCaller.AppActivities));
        foreach (var table in new[] { JourneyTables.Catalog, JourneyTables.EventKeys, JourneyTables.Exits, JourneyTables.Counters, JourneyTables.DeadLetters, JourneyTables.Instances })
        {
            await tableService.DeleteTableAsync(table);
        }

        var services = LoopbackServer.Start(script);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(ConformanceCatalog.Secrets).Build();
        var registrations = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddJourneyFunctions(_ => tableService);
        configureApp?.Invoke(registrations);
        var app = registrations.BuildServiceProvider();
        await publish(CatalogUnderTest.From(app), services);
        var engine = kind == EngineKind.InMemory
            ? await DurableEngine.StartInMemoryAsync(app, wrapOrchestrator)
            : await DurableEngine.StartAzureStorageAsync(app, azurite.ConnectionString, meter?.TaskHub ?? "hub" + Guid.NewGuid().ToString("N")[..12], wrapOrchestrator, meter);
        return new JourneyRun(app, engine, services);
    }

    public async Task<IngestResult> IngestAsync(string json)
    {
        using var document = JsonDocument.Parse(json);
        var ingestion = app.GetRequiredService<AzureIngestion>();
        var table = await app.GetRequiredService<RoutingTableCache>().GetAsync();
        return Assert.Single(await ingestion.IngestEventsAsync(table, [document.RootElement], Instances));
    }

    /// <summary>The profile's instance as the API shows it, once <paramref name="condition"/> holds (polled: the orchestration writes it).</summary>
    public async Task<InstanceView> WaitForAsync(string journeyId, string profileId, Func<InstanceView, bool> condition)
    {
        var records = app.GetRequiredService<IInstanceRecordStore>();
        using var patience = new CancellationTokenSource(Patience);
        while (true)
        {
            if (await InstanceViews.ReadAsync(records, journeyId, profileId, patience.Token) is { } view && condition(view))
            {
                return view;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), patience.Token);
        }
    }

    /// <summary>Waits for the profile's orchestration to end, then returns its instance view.</summary>
    public async Task<InstanceView> WaitForEndAsync(string journeyId, string profileId)
    {
        using var patience = new CancellationTokenSource(Patience);
        var metadata = await Engine.Client.WaitForInstanceCompletionAsync(InstanceIds.For(journeyId, profileId), getInputsAndOutputs: true, patience.Token);
        Assert.True(metadata.RuntimeStatus == Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Completed, $"{metadata.RuntimeStatus}: {metadata.FailureDetails?.ErrorMessage}");
        return await WaitForAsync(journeyId, profileId, view => view.EndedAt is not null);
    }

    public Task<JourneyReport?> ReportAsync(string journeyId) => app.GetRequiredService<DurableJourneyRuntime>().GetReportAsync(journeyId);

    public async ValueTask DisposeAsync()
    {
        await Engine.DisposeAsync();
        await Services.DisposeAsync();
        await app.DisposeAsync();
    }

    private static async Task PublishAsync(CatalogUnderTest catalog, LoopbackServer services, IReadOnlyDictionary<string, string> waits, string[] journeys)
    {
        var samples = ConfigurationBundle.LoadFolder(Path.Combine(AppContext.BaseDirectory, "samples"));
        foreach (var (id, body) in samples.Events)
        {
            Assert.True((await catalog.Events.PutAsync(id, body)).Succeeded);
        }

        foreach (var (id, body) in samples.DataSources)
        {
            body.BaseUrl = services.Url(id).TrimEnd('/');
            Assert.True((await catalog.DataSources.PutAsync(id, body)).Succeeded);
        }

        foreach (var (id, body) in samples.Actions)
        {
            // The path keeps its template ({{params.paymentId}}), under a prefix naming the action.
            body.Url = services.BaseUri + id + body.Url![body.Url!.IndexOf('/', "https://".Length)..];
            Assert.True((await catalog.Actions.PutAsync(id, body)).Succeeded);
        }

        foreach (var id in journeys)
        {
            var text = ContractJson.Write(samples.Journeys[id]);
            foreach (var (from, to) in waits)
            {
                text = text.Replace($"\"{from}\"", $"\"{to}\"", StringComparison.Ordinal);
            }

            var journey = ContractJson.ReadJourney(text).Value ?? throw new InvalidOperationException("The rewritten sample does not read back.");
            Assert.True((await catalog.Journeys.PutDraftAsync(id, journey)).Succeeded);
            Assert.True((await catalog.Journeys.PublishAsync(id)).Succeeded);
        }
    }
}
