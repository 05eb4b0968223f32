namespace Journeys.Host.Bench;

/// <summary>
/// What the bench defines through the admin API. Ingestion and storage use the sample abandoned-cart journey
/// unchanged (a realistic waiting instance: a waitForEvent with correlate and a one-hour timeout); latency and
/// timers use two minimal journeys of their own so that they measure exactly one thing.
/// </summary>
internal static class BenchConfiguration
{
    public const string CartJourney = "abandoned-cart";
    public const string LatencyJourney = "bench-latency";
    public const string TimerJourney = "bench-timer";

    /// <summary>The sample files the abandoned-cart journey needs, as (route, file under samples/).</summary>
    public static IReadOnlyList<(string Route, string File)> CartSamples { get; } =
    [
        ("api/events/cart.abandoned", "events/cart.abandoned.json"),
        ("api/events/order.placed", "events/order.placed.json"),
        ("api/datasources/loyalty", "datasources/loyalty.json"),
        ("api/actions/send-email", "actions/send-email.json"),
        ("api/journeys/abandoned-cart", "journeys/abandoned-cart.json"),
    ];

    public static IReadOnlyList<(string Route, string Json)> Latency(Uri sink) =>
    [
        ("api/events/bench.ping", """
            { "match": "type == 'bench.ping'", "profileId": "profile", "eventKey": "id",
              "fields": { "id": "string", "type": "string", "profile": "string" }, "required": ["id", "profile"] }
            """),
        ("api/actions/bench-hit", $$$"""
            { "method": "POST", "url": "{{{sink.ToString().TrimEnd('/')}}}/hit", "params": { "id": "string" },
              "body": { "id": "{{params.id}}" }, "timeoutMs": 10000, "maxRetries": 0 }
            """),
        ("api/journeys/" + LatencyJourney, """
            { "name": "Bench: an action first", "entry": "bench.ping", "start": "call",
              "nodes": {
                "call": { "type": "action", "action": "bench-hit", "params": { "id": "entry.id" }, "next": "done", "errorNext": "done" },
                "done": { "type": "end" } } }
            """),
    ];

    /// <summary>A one-hour wait: the bench parks instances under real time, then restarts under a fast clock.</summary>
    public static IReadOnlyList<(string Route, string Json)> Timers { get; } =
    [
        ("api/events/bench.timer", """
            { "match": "type == 'bench.timer'", "profileId": "profile", "eventKey": "id",
              "fields": { "id": "string", "type": "string", "profile": "string" }, "required": ["id", "profile"] }
            """),
        ("api/journeys/" + TimerJourney, """
            { "name": "Bench: one wait", "entry": "bench.timer", "start": "pause",
              "nodes": {
                "pause": { "type": "wait", "duration": "PT1H", "next": "done" },
                "done": { "type": "end" } } }
            """),
    ];
}
