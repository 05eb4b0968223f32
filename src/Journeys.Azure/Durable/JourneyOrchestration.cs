using Journeys.Runtime.Orchestration;

namespace Journeys.Azure.Durable;

/// <summary>
/// The whole orchestrator function: load the version's snapshot (an activity, so replays see the same one),
/// compile it (cached), and run <see cref="JourneyOrchestrationLoop"/>.
/// </summary>
public static class JourneyOrchestration
{
    public static async Task<OrchestrationResult> RunAsync(IOrchestrationPort port, OrchestrationInput input, CompiledJourneyCache journeys, int maxOperationsPerGeneration = OrchestrationOptions.DefaultMaxOperationsPerGeneration)
    {
        ArgumentNullException.ThrowIfNull(port);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(journeys);
        var snapshot = await port.LoadJourneyAsync(new JourneyVersionRef(input.JourneyId, input.Version));
        var journey = journeys.Compile(snapshot);
        var options = new OrchestrationOptions { MaxOperationsPerGeneration = maxOperationsPerGeneration, VersionStopped = snapshot.Stopped };
        return await JourneyOrchestrationLoop.RunAsync(port, journey, input, options);
    }
}
