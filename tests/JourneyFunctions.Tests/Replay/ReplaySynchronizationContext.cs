namespace JourneyFunctions.Tests.Replay;

/// <summary>
/// A single-threaded synchronization context, like the one Durable runs an orchestrator on: continuations are
/// queued and run by <see cref="Pump"/> on the replaying thread, so the replayer decides when the orchestrator runs
/// (after each answer it delivers) and nothing runs concurrently.
/// </summary>
internal sealed class ReplaySynchronizationContext : SynchronizationContext
{
    private readonly Queue<(SendOrPostCallback Callback, object? State)> queue = new();

    public override void Post(SendOrPostCallback d, object? state) => queue.Enqueue((d, state));

    public override void Send(SendOrPostCallback d, object? state) => d(state);

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Runs queued continuations until the orchestrator waits on something not yet answered.</summary>
    public void Pump()
    {
        while (queue.TryDequeue(out var work))
        {
            work.Callback(work.State);
        }
    }
}
