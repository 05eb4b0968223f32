using System.Globalization;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Journeys.Runtime.Bundles;
using Journeys.Runtime.Simulation;

namespace Journeys.Benchmarks;

/// <summary>
/// The simulator (SPEC §8) on the sample abandoned-cart journey: 10,000 profiles abandon a cart within the first
/// 10,000 virtual seconds, 30% of them order within 20 minutes, the others time out, fetch their loyalty tier (a
/// third are gold) and get an email (the very first attempt of the run answers 503 and is retried). Simulated steps per
/// second = <see cref="SimulationResult.Steps"/> (stepper calls, printed at setup) / mean time of <see cref="Simulate"/>.
/// </summary>
[MemoryDiagnoser]
public class SimulationBenchmarks
{
    private const int Profiles = 10_000;

    private SimulationSetup setup = null!;
    private Scenario scenario = null!;
    private byte[] scenarioJson = [];

    [GlobalSetup]
    public void Setup()
    {
        var samples = ConfigurationBundle.LoadFolder(Path.Combine(AppContext.BaseDirectory, "samples"));
        setup = SimulationSetup.TryCreate("abandoned-cart", 1, samples.Journeys["abandoned-cart"], samples.Events, samples, out _)
            ?? throw new InvalidOperationException("The sample journey does not validate.");
        scenarioJson = BuildScenario();
        scenario = Read(scenarioJson);
        var result = JourneySimulator.RunAsync(setup, scenario, SimulationLimits.Offline).GetAwaiter().GetResult();
        Console.WriteLine($"// Simulation: {result.Instances.Count} instances, {result.Steps} stepper calls per run, {result.Instances.Sum(i => i.Calls.Count)} calls");
    }

    [Benchmark(Description = "simulate 10,000 profiles (abandoned-cart)")]
    public long Simulate() => JourneySimulator.RunAsync(setup, scenario, SimulationLimits.Offline).GetAwaiter().GetResult().Steps;

    [Benchmark(Description = "same, from scenario JSON to answer JSON")]
    public int SimulateFromJson() => JourneySimulator.Serialize(JourneySimulator.RunAsync(setup, Read(scenarioJson), SimulationLimits.Offline).GetAwaiter().GetResult()).Length;

    private static Scenario Read(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        return ScenarioReader.Read(document.RootElement, SimulationLimits.Offline).Scenario
            ?? throw new InvalidOperationException("The benchmark scenario does not read.");
    }

    private static byte[] BuildScenario()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("start", "2026-01-05T09:00:00Z");
            writer.WriteStartArray("events");
            for (var i = 0; i < Profiles; i++)
            {
                var profile = "p" + i.ToString(CultureInfo.InvariantCulture);
                WriteEvent(writer, TimeSpan.FromSeconds(i), $$"""{ "id": "c{{i}}", "type": "cart.abandoned", "customer": { "id": "{{profile}}", "email": "{{profile}}@example.com" }, "cart": { "id": "k{{i}}", "total": {{10 + (i % 200)}} } }""");
                if (i % 10 < 3)
                {
                    WriteEvent(writer, TimeSpan.FromSeconds(i) + TimeSpan.FromMinutes(20), $$"""{ "id": "o{{i}}", "type": "order.placed", "customer": { "id": "{{profile}}" }, "cart": { "id": "k{{i}}" }, "order": { "id": "o{{i}}" } }""");
                }
            }

            writer.WriteEndArray();
            writer.WriteStartObject("data");
            writer.WriteStartObject("loyalty.tier");
            for (var i = 0; i < Profiles; i += 3)
            {
                writer.WritePropertyName("p" + i.ToString(CultureInfo.InvariantCulture));
                writer.WriteRawValue("""{ "tier": "gold", "points": 900 }""");
            }

            writer.WritePropertyName("*");
            writer.WriteRawValue("""{ "tier": "silver", "points": 10 }""");
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteStartObject("actions");
            writer.WritePropertyName("send-email");
            writer.WriteRawValue("""[ { "status": 503 }, { "status": 200, "body": { "messageId": "m" } } ]""");
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static void WriteEvent(Utf8JsonWriter writer, TimeSpan at, string json)
    {
        writer.WriteStartObject();
        writer.WriteString("at", Journeys.Core.Expressions.IsoDuration.Format(at));
        writer.WritePropertyName("event");
        writer.WriteRawValue(Encoding.UTF8.GetBytes(json));
        writer.WriteEndObject();
    }
}
