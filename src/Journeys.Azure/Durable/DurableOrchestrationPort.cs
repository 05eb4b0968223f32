using Journeys.Core.Execution;
using Journeys.Runtime.Orchestration;
using Microsoft.DurableTask;

namespace Journeys.Azure.Durable;

/// <summary>
/// <see cref="IOrchestrationPort"/> over a Durable <see cref="TaskOrchestrationContext"/>: one Durable call per
/// member, payloads as JSON strings written by <see cref="OrchestrationJson"/> (source-generated, so the Durable
/// data converter only ever (de)serialises strings). The race of a wait is the shared <see cref="DurableWaits"/>.
/// </summary>
public sealed class DurableOrchestrationPort(TaskOrchestrationContext context) : IOrchestrationPort, IDurableSignals
{
    private Task<string>? stop;

    public DateTimeOffset UtcNow => new(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc));

    /// <summary>
    /// Waited for once per execution, on first use (the loop's first check, at the same point of every replay); a
    /// stop raised before that is buffered by Durable and taken by this wait.
    /// </summary>
    public Task<string> Stop => stop ??= context.WaitForExternalEvent<string>(OrchestrationEvents.Stop);

    public bool StopRequested => Stop.IsCompleted;

    public async Task<JourneySnapshot> LoadJourneyAsync(JourneyVersionRef journey) =>
        OrchestrationJson.DeserializeSnapshot(await context.CallActivityAsync<string>(ActivityNames.LoadJourney, OrchestrationJson.Serialize(journey)));

    public async Task<ActionCompletedInput> CallActionAsync(ActionCallRequest request) =>
        OrchestrationJson.DeserializeActionCompleted(await context.CallActivityAsync<string>(ActivityNames.CallAction, OrchestrationJson.Serialize(request)));

    public async Task<DataFetchedInput> FetchDataAsync(DataFetchRequest request) =>
        OrchestrationJson.DeserializeDataFetched(await context.CallActivityAsync<string>(ActivityNames.FetchData, OrchestrationJson.Serialize(request)));

    public Task RecordStepsAsync(StepRecord record) =>
        context.CallActivityAsync(ActivityNames.RecordSteps, OrchestrationJson.Serialize(record));

    public async Task<JumpOutcome> JumpAsync(JumpRequest request) =>
        OrchestrationJson.DeserializeJumpOutcome(await context.CallActivityAsync<string>(ActivityNames.Jump, OrchestrationJson.Serialize(request)));

    public Task<WaitOutcome> WaitAsync(WaitRequest request) => DurableWaits.RaceAsync(this, request);

    public IEventWait BeginEventWait(WaitRequest request) => new DurableEventWait(this, request);

    public void ContinueAsNew(OrchestrationInput input, bool preserveUnprocessedEvents) =>
        context.ContinueAsNew(OrchestrationJson.Serialize(input), preserveUnprocessedEvents);

    public Task CreateTimer(DateTime fireAtUtc, CancellationToken cancellationToken) => context.CreateTimer(fireAtUtc, cancellationToken);

    public Task<string> WaitForExternalEvent(string eventName, CancellationToken cancellationToken) =>
        context.WaitForExternalEvent<string>(eventName, cancellationToken);
}
