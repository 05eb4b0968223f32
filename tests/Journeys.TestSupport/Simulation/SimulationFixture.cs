using System.Text.Json;
using Journeys.Runtime.Bundles;
using Journeys.Runtime.Simulation;

using Journeys.TestSupport.Simulation;

namespace Journeys.TestSupport.Simulation;

/// <summary>Simulations of sample journeys (or of extra configuration files) from scenario JSON; samples/ must be copied beside the test binaries.</summary>
public static class SimulationFixture
{
    public static ConfigurationBundle Samples(params (string Path, string Json)[] extra)
    {
        var bundle = ConfigurationBundle.LoadFolder(Path.Combine(AppContext.BaseDirectory, "samples"));
        foreach (var (path, json) in extra)
        {
            bundle.Add(path, System.Text.Encoding.UTF8.GetBytes(json));
        }

        return bundle;
    }

    public static SimulationSetup Setup(string journeyId, ConfigurationBundle? bundle = null)
    {
        bundle ??= Samples();
        var setup = SimulationSetup.TryCreate(journeyId, 1, bundle.Journeys[journeyId], bundle.Events, bundle, out var validation);
        Assert.True(setup is not null, string.Join("; ", validation.Errors.Select(e => e.Code + " " + e.Path)));
        return setup!;
    }

    public static Scenario Scenario(string json)
    {
        using var document = JsonDocument.Parse(json);
        var read = ScenarioReader.Read(document.RootElement, SimulationLimits.Offline);
        Assert.True(read.Succeeded, string.Join("; ", read.Errors.Select(e => e.Code + " " + e.Path + " " + e.Message)));
        return read.Scenario!;
    }

    public static Task<SimulationResult> RunAsync(string journeyId, string scenarioJson, ConfigurationBundle? bundle = null, SimulationLimits? limits = null) =>
        JourneySimulator.RunAsync(Setup(journeyId, bundle), Scenario(scenarioJson), limits ?? SimulationLimits.Offline);
}
