using System.Text.Json;
using System.Text.Json.Nodes;
using Journeys.Embedded.Engine;
using Journeys.Embedded.Storage;
using Journeys.Runtime.Bundles;
using Journeys.Runtime.Catalog;
using Journeys.Runtime.Hosting;
using Journeys.Runtime.Ingestion;
using Journeys.Runtime.Routing;
using Journeys.TestSupport.Catalog;
using Journeys.TestSupport.Connectors;

namespace Journeys.Embedded.Tests.Engine;

/// <summary>
/// The embedded engine as the host wires it, on a real SQLite file in a temp folder, with the sample configuration
/// pointed at loopback mock services (a loyalty service and a mailer). Restartable on the same file.
/// </summary>
internal sealed class EngineHarness : IAsyncDisposable
{
    private readonly string folder;
    private readonly ConnectorHarness connectors;
    private SqliteDatabase? database;

    private EngineHarness(string folder, LoopbackServer loyalty, LoopbackServer mailer, double timeScale, IDictionary<string, string?>? settings)
    {
        this.folder = folder;
        Loyalty = loyalty;
        Mailer = mailer;
        TimeScale = timeScale;
        connectors = new ConnectorHarness(settings ?? DefaultSettings.ToDictionary(s => s.Key, s => s.Value));
    }

    /// <summary>Every secret the sample configuration names.</summary>
    public static IReadOnlyDictionary<string, string?> DefaultSettings { get; } =
        new Dictionary<string, string?> { ["Journeys:Secrets:MAILER_TOKEN"] = "mailer-secret", ["Journeys:Secrets:LOYALTY_KEY"] = "loyalty-secret", ["Journeys:Secrets:BILLING_USER"] = "u", ["Journeys:Secrets:BILLING_PASSWORD"] = "p" };

    /// <summary>A hook for a test that wraps the engine's writer (fault injection at the storage port).</summary>
    public Func<IRuntimeWriter, IRuntimeWriter>? WrapWriter { get; set; }

    public LoopbackServer Loyalty { get; }

    public LoopbackServer Mailer { get; }

    public double TimeScale { get; }

    /// <summary>The time scale for the next <see cref="OpenAsync"/>, as a restart with another <c>--time-scale</c> would use.</summary>
    public double? TimeScaleOverride { get; set; }

    /// <summary>Zero makes a stop abandon calls in flight, as a killed process would.</summary>
    public TimeSpan ShutdownGrace { get; init; }

    public CatalogUnderTest Catalog { get; private set; } = null!;

    public JourneyEngine Engine { get; private set; } = null!;

    public string DatabasePath => Path.Combine(folder, "journeys.db");

    /// <summary>Gold members are profiles whose id ends in an even digit; everyone else is silver.</summary>
    public static async Task<EngineHarness> StartAsync(
        double timeScale = 36_000, Func<RecordedRequest, int, ScriptedReply>? mailer = null, TimeSpan? shutdownGrace = null,
        IDictionary<string, string?>? settings = null, Func<IRuntimeWriter, IRuntimeWriter>? wrapWriter = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "journeys-engine-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var loyalty = LoopbackServer.Start((request, _) =>
        {
            var id = request.PathAndQuery.Split('/').Last();
            var gold = id.Length > 0 && char.IsAsciiDigit(id[^1]) && (id[^1] - '0') % 2 == 0;
            return ScriptedReply.Json($$"""{ "tier": "{{(gold ? "gold" : "silver")}}", "points": {{(gold ? 500 : 20)}} }""");
        });
        var mail = LoopbackServer.Start(mailer ?? ((_, n) => ScriptedReply.Json($$"""{ "messageId": "m-{{n}}" }""")));
        var harness = new EngineHarness(folder, loyalty, mail, timeScale, settings) { ShutdownGrace = shutdownGrace ?? TimeSpan.FromSeconds(10), WrapWriter = wrapWriter };
        await harness.OpenAsync();
        await harness.DefineSamplesAsync();
        return harness;
    }

    /// <summary>Opens the engine on the harness's file (again, after <see cref="StopEngineAsync"/>, as a restart would).</summary>
    public async Task OpenAsync()
    {
        database = new SqliteDatabase(DatabasePath);
        var relay = new LifecycleRelay();
        Catalog = new CatalogUnderTest(await SqliteCatalogStore.OpenAsync(database), observers: [relay]);
        var runtime = await SqliteRuntimeStore.OpenAsync(database);
        Func<IRuntimeWriter> openWriter = WrapWriter is { } wrap ? () => wrap(runtime.OpenWriter()) : runtime.OpenWriter;
        Engine = new JourneyEngine(openWriter, runtime, Catalog.Journeys, connectors.Actions, connectors.DataSources, new EngineOptions { TimeScale = TimeScaleOverride ?? TimeScale, MaxIdle = TimeSpan.FromMilliseconds(50), ShutdownGrace = ShutdownGrace });
        relay.Target = Engine;
        await Engine.StartAsync();
    }

    public async Task StopEngineAsync()
    {
        await Engine.DisposeAsync();
        database?.Dispose();
    }

    public async Task<IReadOnlyList<IngestResult>> IngestAsync(params string[] events)
    {
        var documents = events.Select(e => JsonDocument.Parse(e)).ToList();
        try
        {
            return await Engine.IngestAsync(documents.Select(d => d.RootElement).ToList());
        }
        finally
        {
            documents.ForEach(d => d.Dispose());
        }
    }

    /// <summary>Waits until no instance is active and no call is in flight; fails the test after the limit.</summary>
    public async Task WaitUntilIdleAsync(TimeSpan? limit = null)
    {
        using var timeout = new CancellationTokenSource(limit ?? TimeSpan.FromSeconds(30));
        while (await Engine.CountActiveAsync(timeout.Token) > 0 || Engine.InFlight > 0)
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    public async Task PublishAsync(string journeyId)
    {
        var published = await Catalog.Journeys.PublishAsync(journeyId);
        Assert.True(published.Value is not null, published.Failure?.Message + " " + string.Join("; ", published.Failure?.Issues.Select(i => i.Code + " " + i.Path + " " + i.Message) ?? []));
    }

    public async ValueTask DisposeAsync()
    {
        await StopEngineAsync();
        connectors.Dispose();
        await Loyalty.DisposeAsync();
        await Mailer.DisposeAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open on a slow machine; the temp folder is cleaned by the system.
        }
    }

    public static string CartAbandoned(string id, string customer, string cart, double total) =>
        $$"""{ "id": "{{id}}", "type": "cart.abandoned", "customer": { "id": "{{customer}}", "email": "{{customer}}@example.com" }, "cart": { "id": "{{cart}}", "total": {{total.ToString(System.Globalization.CultureInfo.InvariantCulture)}} }, "occurredAt": "2026-11-23T10:00:00Z" }""";

    public static string OrderPlaced(string id, string customer, string cart) =>
        $$"""{ "id": "{{id}}", "type": "order.placed", "customer": { "id": "{{customer}}" }, "cart": { "id": "{{cart}}" }, "order": { "id": "o-{{id}}", "total": 10 }, "occurredAt": "2026-11-23T10:05:00Z" }""";

    private async Task DefineSamplesAsync()
    {
        var samples = ConfigurationBundle.LoadFolder(Path.Combine(AppContext.BaseDirectory, "samples"));
        foreach (var (id, definition) in samples.Events)
        {
            Assert.NotNull((await Catalog.Events.PutAsync(id, definition)).Value);
        }

        foreach (var (id, source) in samples.DataSources)
        {
            source.BaseUrl = Loyalty.BaseUri.ToString().TrimEnd('/');
            Assert.NotNull((await Catalog.DataSources.PutAsync(id, source)).Value);
        }

        foreach (var (id, action) in samples.Actions)
        {
            action.Url = new Uri(Mailer.BaseUri, new Uri(action.Url!).AbsolutePath).ToString();
            Assert.NotNull((await Catalog.Actions.PutAsync(id, action)).Value);
        }

        foreach (var (id, journey) in samples.Journeys)
        {
            Assert.NotNull((await Catalog.Journeys.PutDraftAsync(id, journey)).Value);
        }
    }

    public static JsonNode Body(RecordedRequest request) => JsonNode.Parse(request.Body)!;

    /// <summary>The catalog is built before the engine it notifies; the relay closes that loop.</summary>
    private sealed class LifecycleRelay : IJourneyLifecycleObserver
    {
        public IJourneyLifecycleObserver? Target { get; set; }

        public Task OnLifecycleChangedAsync(JourneyLifecycleChange change, CancellationToken cancellationToken) =>
            Target?.OnLifecycleChangedAsync(change, cancellationToken) ?? Task.CompletedTask;
    }
}
