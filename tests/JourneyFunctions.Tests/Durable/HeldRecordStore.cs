using JourneyFunctions.Tests;
using Journeys.Azure.Durable;
using Journeys.Core.Execution;
using Journeys.Runtime.Orchestration;
using Journeys.Runtime.Reporting;

namespace JourneyFunctions.Tests.Durable;

/// <summary>
/// The app's instance record store with its first append held until the test releases it: the orchestration is then
/// inside its first record activity, after the step that issued its wait, so every event raised meanwhile reaches it
/// as one buffered burst. A storage port, so the orchestration code under test is untouched.
/// </summary>
internal sealed class HeldRecordStore : IInstanceRecordStore
{
    private readonly TaskCompletionSource held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IInstanceRecordStore? inner;
    private int appends;

    /// <summary>Completes when the first append is being held.</summary>
    public Task Held => held.Task;

    public void Release() => released.TrySetResult();

    /// <summary>Sets the store it holds for (resolved by the app's DI, which builds this singleton on first use).</summary>
    public IInstanceRecordStore Over(IInstanceRecordStore store)
    {
        inner = store;
        return this;
    }

    public async Task<bool> AppendAsync(StepRecord record, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref appends) == 1)
        {
            held.TrySetResult();
            await released.Task.WaitAsync(cancellationToken);
        }

        return await Inner.AppendAsync(record, cancellationToken);
    }

    private IInstanceRecordStore Inner => inner ?? throw new InvalidOperationException("The held store has no inner store yet.");

    public Task<IReadOnlyList<InstanceRun>> ReadRunsAsync(string journeyId, string profileId, int limit, CancellationToken cancellationToken) =>
        Inner.ReadRunsAsync(journeyId, profileId, limit, cancellationToken);

    public Task<IReadOnlyList<StepEvent>> ReadStepsAsync(string journeyId, string profileId, string instanceId, CancellationToken cancellationToken) =>
        Inner.ReadStepsAsync(journeyId, profileId, instanceId, cancellationToken);
}
