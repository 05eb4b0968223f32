using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Journeys.Core.Model;
using Journeys.Embedded.Engine;
using Journeys.Embedded.Storage;
using Journeys.Runtime.Bundles;
using Journeys.Runtime.Catalog;
using Journeys.Runtime.Connectors;
using Journeys.Runtime.Hosting;
using Journeys.Runtime.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Journeys.Benchmarks;

/// <summary>
/// Durable ingestion on SQLite against the floor SQLite itself sets: each iteration ingests 10,000 new
/// <c>cart.abandoned</c> events (each enters the abandoned-cart journey and parks in its waitForEvent) in requests of
/// 1,000, versus inserting the same 10,000 event bodies as rows in one prepared, batched transaction on a file with
/// the same settings. events/s = 10,000 / mean; the Ratio column is the headline.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 10, invocationCount: 1)]
public class IngestionBenchmarks
{
    private const int EventsPerIteration = 10_000;
    private const int EventsPerRequest = 1_000;

    private readonly List<JsonDocument> documents = [];
    private string folder = null!;
    private SqliteDatabase engineDatabase = null!;
    private JourneyEngine engine = null!;
    private ServiceProvider services = null!;
    private SqliteConnection raw = null!;
    private SqliteCommand rawInsert = null!;
    private int iteration;

    [GlobalSetup]
    public void Setup()
    {
        folder = Path.Combine(Path.GetTempPath(), "journeys-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddJourneyConnectors()
            .BuildServiceProvider();

        engineDatabase = new SqliteDatabase(Path.Combine(folder, "engine.db"));
        var catalog = new JourneyCatalog(SqliteCatalogStore.OpenAsync(engineDatabase).GetAwaiter().GetResult());
        var samples = ConfigurationBundle.LoadFolder(Path.Combine(AppContext.BaseDirectory, "samples"));
        foreach (var (id, definition) in samples.Events)
        {
            new ResourceCatalog<EventDefinition>(catalog).PutAsync(id, definition).GetAwaiter().GetResult();
        }

        foreach (var (id, source) in samples.DataSources)
        {
            new ResourceCatalog<DataSource>(catalog).PutAsync(id, source).GetAwaiter().GetResult();
        }

        foreach (var (id, action) in samples.Actions)
        {
            new ResourceCatalog<CustomAction>(catalog).PutAsync(id, action).GetAwaiter().GetResult();
        }

        catalog.PutDraftAsync("abandoned-cart", samples.Journeys["abandoned-cart"]).GetAwaiter().GetResult();
        var published = catalog.PublishAsync("abandoned-cart").GetAwaiter().GetResult();
        if (published.Value is null)
        {
            throw new InvalidOperationException(published.Failure!.Message);
        }

        var store = SqliteRuntimeStore.OpenAsync(engineDatabase).GetAwaiter().GetResult();
        engine = new JourneyEngine(store.OpenWriter, store, catalog, services.GetRequiredService<ActionInvoker>(), services.GetRequiredService<DataSourceClient>());
        engine.StartAsync().GetAwaiter().GetResult();

        var rawDatabase = new SqliteDatabase(Path.Combine(folder, "raw.db"));
        raw = rawDatabase.OpenConnection();
        using (var create = raw.CreateCommand())
        {
            create.CommandText = "CREATE TABLE events (event_id TEXT NOT NULL, event_key TEXT NOT NULL, body BLOB NOT NULL, PRIMARY KEY (event_id, event_key)) WITHOUT ROWID";
            create.ExecuteNonQuery();
        }

        rawInsert = raw.CreateCommand();
        rawInsert.CommandText = "INSERT INTO events (event_id, event_key, body) VALUES ('cart.abandoned', $k, $b)";
        rawInsert.Parameters.Add(new SqliteParameter("$k", null));
        rawInsert.Parameters.Add(new SqliteParameter("$b", null));
        rawInsert.Prepare();
    }

    [IterationSetup]
    public void MakeEvents()
    {
        foreach (var document in documents)
        {
            document.Dispose();
        }

        documents.Clear();
        iteration++;
        for (var i = 0; i < EventsPerIteration; i++)
        {
            var n = string.Create(CultureInfo.InvariantCulture, $"{iteration}-{i}");
            documents.Add(JsonDocument.Parse($$"""
                { "id": "e{{n}}", "type": "cart.abandoned", "customer": { "id": "c{{n}}", "email": "c{{n}}@example.com" },
                  "cart": { "id": "cart-{{n}}", "total": {{(i % 300) + 20}} }, "occurredAt": "2026-11-23T10:00:00Z" }
                """));
        }
    }

    [Benchmark(Description = "engine: 10,000 events entered, durable")]
    public async Task<int> EngineIngest()
    {
        var entered = 0;
        for (var offset = 0; offset < documents.Count; offset += EventsPerRequest)
        {
            var batch = documents.Skip(offset).Take(EventsPerRequest).Select(d => d.RootElement).ToList();
            var results = await engine.IngestAsync(batch);
            entered += results.Count(r => r.Entered.Count > 0);
        }

        return entered;
    }

    [Benchmark(Baseline = true, Description = "raw SQLite: 10,000 rows, one transaction")]
    public int RawInsert()
    {
        using var transaction = raw.BeginTransaction();
        rawInsert.Transaction = transaction;
        foreach (var document in documents)
        {
            rawInsert.Parameters["$k"].Value = document.RootElement.GetProperty("id").GetString();
            rawInsert.Parameters["$b"].Value = JsonSerializer.SerializeToUtf8Bytes(document.RootElement);
            rawInsert.ExecuteNonQuery();
        }

        transaction.Commit();
        return documents.Count;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        engine.DisposeAsync().AsTask().GetAwaiter().GetResult();
        rawInsert.Dispose();
        raw.Dispose();
        engineDatabase.Dispose();
        services.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
