using System.Text;
using System.Text.Json.Nodes;
using JourneyFunctions.Http;
using JourneyFunctions.Triggers;
using Journeys.Api;
using Journeys.Azure.Durable;
using Journeys.Embedded.Storage;
using Journeys.Runtime.Bundles;
using Journeys.Runtime.Catalog;
using Journeys.TestSupport.Catalog;
using Microsoft.AspNetCore.Http;

namespace JourneyFunctions.Tests;

/// <summary>
/// The Azure HTTP function of <c>POST /api/journeys/{id}/simulate</c>: the shared handler runs the simulator
/// in-process over the catalog (a real SQLite catalog file here) and never touches the Durable runtime (none is given).
/// </summary>
public sealed class SimulateFunctionTests : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "journeys-functions-" + Guid.NewGuid().ToString("N"));
    private SqliteDatabase? database;
    private CatalogUnderTest catalog = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        database = new SqliteDatabase(Path.Combine(folder, "catalog.db"));
        catalog = new CatalogUnderTest(await SqliteCatalogStore.OpenAsync(database));
        var samples = ConfigurationBundle.LoadFolder(Path.Combine(AppContext.BaseDirectory, "samples"));
        foreach (var (id, definition) in samples.Events)
        {
            Assert.NotNull((await catalog.Events.PutAsync(id, definition)).Value);
        }

        foreach (var (id, source) in samples.DataSources)
        {
            Assert.NotNull((await catalog.DataSources.PutAsync(id, source)).Value);
        }

        foreach (var (id, action) in samples.Actions)
        {
            Assert.NotNull((await catalog.Actions.PutAsync(id, action)).Value);
        }

        Assert.NotNull((await catalog.Journeys.PutDraftAsync("abandoned-cart", samples.Journeys["abandoned-cart"])).Value);
    }

    public Task DisposeAsync()
    {
        database?.Dispose();
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_function_simulates_the_draft_in_process()
    {
        var function = new JourneyApi(catalog.Journeys, NoRuntime, new ApiOptions());
        var context = Request("""
            { "events": [ { "at": "PT0S", "event": { "id": "e1", "type": "cart.abandoned", "customer": { "id": "p1", "email": "a@x.io" }, "cart": { "id": "k1", "total": 100 } } } ],
              "data": { "loyalty.tier": { "*": { "tier": "gold", "points": 1 } } },
              "actions": { "send-email": { "status": 200, "body": { "messageId": "m" } } } }
            """);

        var result = Assert.IsType<ResultActionResult>(await function.SimulateAsync(context.Request, "abandoned-cart"));
        await result.Result.ExecuteAsync(context);

        Assert.Equal(200, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        var body = JsonNode.Parse(context.Response.Body)!;
        var instance = Assert.Single(body["instances"]!.AsArray())!;
        Assert.Equal("completed", (string)instance["status"]!);
        Assert.Equal("""["await-order","tier-check","vip-email","done"]""", instance["path"]!.ToJsonString());
        Assert.Equal("Bearer ***", (string)instance["calls"]![0]!["request"]!["headers"]!["Authorization"]!);
    }

    [Fact]
    public async Task A_bad_version_is_a_problem_from_the_same_handler()
    {
        var function = new JourneyApi(catalog.Journeys, NoRuntime, new ApiOptions());
        var context = Request("{}", "?version=zero");

        var result = Assert.IsType<ResultActionResult>(await function.SimulateAsync(context.Request, "abandoned-cart"));
        await result.Result.ExecuteAsync(context);

        Assert.Equal(400, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        Assert.Contains("SIMULATION_VERSION_INVALID", new StreamReader(context.Response.Body).ReadToEnd(), StringComparison.Ordinal);
    }

    /// <summary>No Durable runtime at all: simulate must not reach for one (it would fail with a null reference).</summary>
    private static DurableJourneyRuntime NoRuntime => null!;

    private static DefaultHttpContext Request(string json, string query = "")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.QueryString = new QueryString(query);
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(json));
        context.Response.Body = new MemoryStream();
        return context;
    }
}
