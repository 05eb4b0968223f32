using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Journeys.Core.Execution;
using Journeys.Core.Model;
using Journeys.Core.Routing;
using Journeys.Core.Serialization;
using Journeys.Embedded.Engine;
using Journeys.Embedded.Storage;
using Journeys.Runtime.Catalog;
using Journeys.Runtime.Hosting;
using Journeys.Runtime.Routing;
using Microsoft.Data.Sqlite;

namespace Journeys.Benchmarks;

/// <summary>
/// <see cref="EventRouter"/> alone, with an in-memory <see cref="IRoutingContext"/> (no storage): N live journeys,
/// each entered by an event type of its own, so every event is classified against N definitions and enters one
/// journey (its first step runs: the instance parks in a wait). One invocation routes 1,000 events of new profiles;
/// events/s = 1,000 / mean.
/// </summary>
[MemoryDiagnoser]
public class RoutingBenchmarks
{
    private const int EventsPerInvocation = 1_000;

    private readonly List<JsonDocument> documents = [];
    private readonly MemoryContext context = new();
    private string folder = null!;
    private SqliteDatabase database = null!;
    private RoutingTable table = null!;
    private DateTimeOffset now;

    [Params(1, 10, 100)]
    public int LiveJourneys { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        folder = Path.Combine(Path.GetTempPath(), "journeys-routing-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        database = new SqliteDatabase(Path.Combine(folder, "catalog.db"));
        var catalog = new JourneyCatalog(SqliteCatalogStore.OpenAsync(database).GetAwaiter().GetResult());
        for (var i = 0; i < LiveJourneys; i++)
        {
            var type = Invariant($"e{i}");
            var definition = ContractJson.ReadEventDefinition($$"""
                { "match": "type == '{{type}}'", "profileId": "customer.id", "eventKey": "id",
                  "fields": { "id": "string", "type": "string", "customer.id": "string", "cart.total": "number" }, "required": ["id", "customer.id"] }
                """).Value!;
            Check(new ResourceCatalog<EventDefinition>(catalog).PutAsync(type, definition).GetAwaiter().GetResult().Failure);
            var journey = ContractJson.ReadJourney($$"""
                { "name": "j{{i}}", "entry": "{{type}}", "start": "pause",
                  "nodes": { "pause": { "type": "wait", "duration": "PT1H", "next": "done" }, "done": { "type": "end" } } }
                """).Value!;
            Check(catalog.PutDraftAsync(Invariant($"j{i}"), journey).GetAwaiter().GetResult().Failure);
            Check(catalog.PublishAsync(Invariant($"j{i}")).GetAwaiter().GetResult().Failure);
        }

        table = RoutingTable.BuildAsync(catalog).GetAwaiter().GetResult();
        if (table.LiveByJourney.Count != LiveJourneys)
        {
            throw new InvalidOperationException($"{table.LiveByJourney.Count} live journeys: {string.Join("; ", table.Problems)}");
        }

        for (var n = 0; n < EventsPerInvocation; n++)
        {
            documents.Add(JsonDocument.Parse(Invariant($$"""
                { "id": "x{{n}}", "type": "e{{n % LiveJourneys}}", "customer": { "id": "c{{n}}" }, "cart": { "total": {{n % 300}} } }
                """)));
        }

        now = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
    }

    [Benchmark(OperationsPerInvoke = EventsPerInvocation, Description = "route one event (classify, de-dup, entry rules, first step)")]
    public async Task<int> Route()
    {
        context.Clear();
        var entered = 0;
        foreach (var document in documents)
        {
            var result = await EventRouter.RouteAsync(table, document.RootElement, context, now);
            entered += result.Entered.Count;
        }

        return entered;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var document in documents)
        {
            document.Dispose();
        }

        database.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void Check(CatalogFailure? failure)
    {
        if (failure is not null)
        {
            throw new InvalidOperationException(failure.Message);
        }
    }

    /// <summary>De-duplication and active instances in dictionaries; a start runs the stepper as a host would.</summary>
    private sealed class MemoryContext : IRoutingContext
    {
        private readonly HashSet<(string, string)> keys = [];
        private readonly Dictionary<(string, string), InstanceState> active = [];
        private int instances;

        public void Clear()
        {
            keys.Clear();
            active.Clear();
        }

        public ValueTask<bool> TryRecordEventKeyAsync(string eventId, string eventKey, DateTimeOffset now) => ValueTask.FromResult(keys.Add((eventId, eventKey)));

        public ValueTask<bool> IsActiveAsync(string journeyId, string profileId) => ValueTask.FromResult(active.ContainsKey((journeyId, profileId)));

        public ValueTask<DateTimeOffset?> LastExitAsync(string journeyId, string profileId) => ValueTask.FromResult<DateTimeOffset?>(null);

        public ValueTask StartAsync(LiveJourney journey, string profileId, JsonElement entryEvent, DateTimeOffset now)
        {
            var started = JourneyStepper.Start(journey.Compiled, new StartInput(entryEvent, profileId, Invariant($"i{instances++}")), now);
            active[(journey.JourneyId, profileId)] = started.NewState;
            return ValueTask.CompletedTask;
        }

        public ValueTask<bool> ResumeAsync(string journeyId, string profileId, string eventId, JsonElement rawEvent, DateTimeOffset now) => ValueTask.FromResult(false);

        public ValueTask<int?> WaitingVersionAsync(string journeyId, string profileId, string eventId) => ValueTask.FromResult<int?>(null);

        public void Discarded(string journeyId, int version, DiscardReason reason)
        {
        }

        public void Unmatched()
        {
        }
    }
}
