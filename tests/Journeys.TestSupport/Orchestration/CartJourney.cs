using System.Text.Json;
using Journeys.Core.Execution;
using Journeys.Runtime.Bundles;
using Journeys.Runtime.Orchestration;
using Journeys.TestSupport.Orchestration;

namespace Journeys.TestSupport.Orchestration;

/// <summary>The sample abandoned-cart journey (SPEC §2) and its entry event for profile c-42.</summary>
public static class CartJourney
{
    public static readonly DateTimeOffset T0 = new(2026, 1, 15, 10, 0, 0, TimeSpan.Zero);

    public const string RunId = "j:abandoned-cart:run";

    public static readonly ConfigurationBundle Samples = ConfigurationBundle.LoadFolder(Path.Combine(AppContext.BaseDirectory, "samples"));

    public static CompiledJourney Compiled { get; } = CompiledJourney.Compile("abandoned-cart", 1, Samples.Journeys["abandoned-cart"], Samples);

    public const string EntryJson = """
        { "id": "evt-1001", "type": "cart.abandoned", "occurredAt": "2026-01-15T10:00:00Z",
          "customer": { "id": "c-42", "email": "ada@example.com" }, "cart": { "id": "cart-9", "total": 120.5 } }
        """;

    public const string MatchingOrder = """
        { "id": "evt-2001", "type": "order.placed", "customer": { "id": "c-42" }, "cart": { "id": "cart-9" }, "order": { "id": "o-1" } }
        """;

    public const string OtherCartOrder = """
        { "id": "evt-2002", "type": "order.placed", "customer": { "id": "c-42" }, "cart": { "id": "cart-7" }, "order": { "id": "o-2" } }
        """;

    public static OrchestrationInput NewInput() => new()
    {
        JourneyId = "abandoned-cart",
        Version = 1,
        ProfileId = "c-42",
        InstanceId = RunId,
        Entry = Json(EntryJson),
    };

    public static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
