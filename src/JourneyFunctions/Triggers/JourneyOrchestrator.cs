using Journeys.Azure.Durable;
using Journeys.Runtime.Orchestration;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace JourneyFunctions.Triggers;

/// <summary>
/// The instance orchestration and its activities. The orchestrator is <see cref="JourneyOrchestration.RunAsync"/>
/// over <see cref="DurableOrchestrationPort"/>; each activity is one method of <see cref="JourneyActivities"/>.
/// Payloads are JSON strings (<see cref="OrchestrationJson"/>).
/// </summary>
public sealed class JourneyOrchestrator(CompiledJourneyCache journeys, JourneyActivities activities)
{
    [Function(ActivityNames.Orchestrator)]
    public async Task RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = OrchestrationJson.DeserializeInput(context.GetInput<string>() ?? throw new InvalidOperationException("The orchestration has no input."));
        await JourneyOrchestration.RunAsync(new DurableOrchestrationPort(context), input, journeys);
    }

    [Function(ActivityNames.LoadJourney)]
    public async Task<string> LoadJourneyAsync([ActivityTrigger] string request, FunctionContext context) =>
        OrchestrationJson.Serialize(await activities.LoadJourneyAsync(OrchestrationJson.DeserializeVersionRef(request), Cancellation(context)));

    [Function(ActivityNames.CallAction)]
    public async Task<string> CallActionAsync([ActivityTrigger] string request, FunctionContext context) =>
        OrchestrationJson.Serialize(await activities.CallActionAsync(OrchestrationJson.DeserializeActionCall(request), Cancellation(context)));

    [Function(ActivityNames.FetchData)]
    public async Task<string> FetchDataAsync([ActivityTrigger] string request, FunctionContext context) =>
        OrchestrationJson.Serialize(await activities.FetchDataAsync(OrchestrationJson.DeserializeDataFetch(request), Cancellation(context)));

    [Function(ActivityNames.RecordSteps)]
    public Task RecordStepsAsync([ActivityTrigger] string record, FunctionContext context) =>
        activities.RecordStepsAsync(OrchestrationJson.DeserializeStepRecord(record), Cancellation(context));

    [Function(ActivityNames.Jump)]
    public async Task<string> JumpAsync([ActivityTrigger] string request, [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(client);
        return OrchestrationJson.Serialize(await activities.JumpAsync(OrchestrationJson.DeserializeJump(request), new DurableInstanceGateway(client), Cancellation(context)));
    }

    private static CancellationToken Cancellation(FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.CancellationToken;
    }
}
