using JourneyFunctions.Tests;
using Journeys.Azure.Durable;
using Journeys.Runtime.Catalog;
using Journeys.Runtime.Connectors;
using Journeys.Runtime.Hosting;
using Journeys.Runtime.Orchestration;
using Journeys.Runtime.Reporting;
using Journeys.TestSupport.Azurite;
using Journeys.TestSupport.Conformance;
using Journeys.TestSupport.Connectors;
using Microsoft.Extensions.DependencyInjection;

namespace JourneyFunctions.Tests.Durable;

/// <summary>
/// The Functions app for the conformance suite: its own orchestrator and activities on a Durable engine
/// (<see cref="JourneyRun"/>), its runtime as the HTTP functions get it (<see cref="DurableJourneyRuntime.For"/>
/// with the engine's client), and stop as the stop function does it (catalog, then the stop observer).
/// </summary>
internal sealed class DurableHostUnderTest(JourneyRun run) : IJourneyHostUnderTest
{
    public CatalogService Catalog => run.Catalog;

    public IJourneyRuntime Runtime { get; } = run.Runtime.For(run.Instances);

    public LoopbackServer Services => run.Services;

    public static async Task<DurableHostUnderTest> StartAsync(AzuriteFixture azurite, EngineKind kind, Func<RecordedRequest, int, ScriptedReply> script) =>
        new(await JourneyRun.StartAsync(azurite, kind, script, UseCapClockOfOneMinute, (_, _) => Task.CompletedTask));

    public async Task StopJourneyAsync(string journeyId)
    {
        var stop = await Catalog.StopJourneyAsync(journeyId);
        Assert.True(stop.Succeeded, stop.Failure?.Message);
        await JourneyStopObserver.OnLifecycleChangedAsync(stop.Value!, run.Instances, CancellationToken.None);
    }

    /// <summary>Waits for the orchestration to complete (a failed one fails the test at once), then reads the view.</summary>
    public Task<InstanceView> WaitForEndAsync(string journeyId, string profileId, TimeSpan patience) => run.WaitForEndAsync(journeyId, profileId);

    /// <summary>The generation in the orchestration's current input: how often it continued as new.</summary>
    public async Task<int?> GenerationAsync(string journeyId, string profileId)
    {
        var metadata = await run.Engine.Client.GetInstanceAsync(InstanceIds.For(journeyId, profileId), getInputsAndOutputs: true);
        var input = metadata?.ReadInputAs<string>() ?? throw new InvalidOperationException($"No orchestration input for {journeyId}/{profileId}.");
        return OrchestrationJson.DeserializeInput(input).Generation;
    }

    public ValueTask DisposeAsync() => run.DisposeAsync();

    /// <summary>
    /// A clock that stays in one minute for the cap only: a cap of 1 call per minute must not be reset by a minute
    /// boundary in the middle of a scenario (the limiter's aligned windows are unit-tested apart).
    /// </summary>
    private static void UseCapClockOfOneMinute(IServiceCollection services) =>
        services.AddSingleton<IActionCallLimiter>(new InMemoryActionCallLimiter(new ManualClock(DateTimeOffset.UnixEpoch)));
}
