using System.Threading.Channels;
using Journeys.Core.Execution;

using Journeys.Runtime.Hosting;
using Journeys.Runtime.Routing;

namespace Journeys.Embedded.Engine;

/// <summary>The worker pools: queued calls and fetches run outside the transaction and come back to the loop as requests.</summary>
public sealed partial class JourneyEngine
{
    private void Dispatch(PendingWork item) =>
        (item.Command is FetchDataCommand ? fetches : work).Writer.TryWrite(item);

    private async Task RunWorkerAsync(ChannelReader<PendingWork> queue)
    {
        while (await queue.WaitToReadAsync(CancellationToken.None))
        {
            while (queue.TryRead(out var item))
            {
                if (abandonWork.IsCancellationRequested)
                {
                    return;
                }

                Interlocked.Increment(ref inFlight);
                try
                {
                    var input = await ExecuteAsync(item, abandonWork.Token);
                    if (abandonWork.IsCancellationRequested)
                    {
                        // The outcome of a call cut short by shutdown is not trusted; it stays queued and is redone.
                        return;
                    }

                    if (input is not null)
                    {
                        await requests.Writer.WriteAsync(new EngineRequest.WorkDone(item, input), CancellationToken.None);
                    }
                }
                catch (OperationCanceledException) when (abandonWork.IsCancellationRequested)
                {
                    return;
                }
                catch (ChannelClosedException)
                {
                    return;
                }
                finally
                {
                    Interlocked.Decrement(ref inFlight);
                }
            }
        }
    }

    /// <summary>Executes a queued command; the stepper gets its outcome as the next input. Null: nothing to apply.</summary>
    private async Task<StepInput?> ExecuteAsync(PendingWork item, CancellationToken cancellationToken)
    {
        var compiled = await routing.GetCompiledAsync(catalog, item.JourneyId, item.Version, cancellationToken);
        return await commands.ExecuteAsync(compiled, item.Command, cancellationToken);
    }
}
